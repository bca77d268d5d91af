using ChildDashboard.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Api;

// The app whose import writer fails the way a broken database does, with SQL in its message.
public sealed class BrokenDatabaseFactory : ApiFactory
{
    public const string SecretSql = "SQLite Error 11: 'database disk image is malformed' in SELECT \"PasswordHash\" FROM \"AspNetUsers\"";

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IDataValueWriter, BrokenWriter>());

    private sealed class BrokenWriter : IDataValueWriter
    {
        public Task<IDataValueWriteSession> BeginAsync(CancellationToken ct) => throw new InvalidOperationException(SecretSql);
    }
}
