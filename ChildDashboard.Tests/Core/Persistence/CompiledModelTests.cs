using System.Reflection;
using System.Text.RegularExpressions;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Core.Persistence;

// The app runs on the compiled models of Persistence/CompiledModels (README, "Schema changes"),
// not on the model OnModelCreating builds: these fail when a compiled model lags behind it. No
// database is needed, only the provider's model.
public abstract partial class CompiledModelTests(DatabaseProvider provider, string folder, IModel compiled)
{
    private const string Regenerate = "The compiled model lags behind the model: run the `dotnet ef dbcontext optimize` commands of README \"Schema changes\".";

    private AppDbContext Context() => provider == DatabaseProvider.PostgreSQL
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=compiled_model_tests").Options)
        : new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public async Task TheAppsContextsUseTheCompiledModel()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = provider == DatabaseProvider.PostgreSQL ? "Host=localhost;Database=compiled_model_tests" : "Data Source=:memory:",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddChildDashboardDatabase(configuration, Path.GetTempPath()).BuildServiceProvider();

        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        Assert.Same(compiled, db.Model);
    }

    [Fact]
    public void TheCompiledModelHasTheTablesOfTheModel()
    {
        using var db = Context();
        var built = db.GetService<IDesignTimeModel>().Model;
        Assert.NotSame(compiled, built);

        var inCompiled = Tables(compiled.GetRelationalModel());
        var inBuilt = Tables(built.GetRelationalModel());

        Assert.True(inCompiled.SequenceEqual(inBuilt), Regenerate + " Only in the compiled model: " + string.Join("; ", inCompiled.Except(inBuilt))
            + ". Only in the model: " + string.Join("; ", inBuilt.Except(inCompiled)) + ".");
    }

    // Every table, column (store type, nullability), key, index and foreign key, one line each.
    // (Migrations' model differ needs design-time annotations that a compiled model drops.)
    private static List<string> Tables(IRelationalModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.Tables)
        {
            lines.AddRange(table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType}{(c.IsNullable ? " null" : "")}"));
            lines.AddRange(table.UniqueConstraints.Select(k => $"{table.Name} key {k.Name} ({string.Join(", ", k.Columns.Select(c => c.Name))}){(k.GetIsPrimaryKey() ? " primary" : "")}"));
            lines.AddRange(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")} {i.Filter}"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f => $"{table.Name} foreign key {f.Name} ({string.Join(", ", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}"));
        }
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    // Stricter than the tables: a value converter, a comparer or a concurrency token that changed
    // leaves the columns as they were. The generator that `dotnet ef dbcontext optimize` runs must
    // write, from today's model, exactly the files that are committed.
    [Fact]
    public void TheCompiledModelIsWhatTheGeneratorWritesToday()
    {
        using var db = Context();
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
        var providerAssembly = db.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().Single().GetType().Assembly;
        var providerServices = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()
            ?? throw new InvalidOperationException($"{providerAssembly.GetName().Name} has no design-time services.");
        var designTime = (IDesignTimeServices)Activator.CreateInstance(providerAssembly.GetType(providerServices.TypeName, throwOnError: true)!)!;
        designTime.ConfigureDesignTimeServices(services);
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = db.GetType(),
            ModelNamespace = compiled.GetType().Namespace!,
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        using var provided = services.BuildServiceProvider();

        var files = provided.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options)
            .GenerateModel(db.GetService<IDesignTimeModel>().Model, options);

        var directory = Path.Combine(RepoRoot.Path, "ChildDashboard.Core", "Persistence", "CompiledModels", folder);
        Assert.Equal(files.Select(f => f.Path).Order(StringComparer.Ordinal), Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
            Assert.True(WithoutModelId(file.Code) == WithoutModelId(File.ReadAllText(Path.Combine(directory, file.Path))), $"{Regenerate} {folder}/{file.Path} differs.");
    }

    // Every model built gets a new id, which the generator writes down.
    private static string WithoutModelId(string code) => ModelId().Replace(code, "modelId: new Guid()");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();
}

public sealed class CompiledModelOnSqliteTests() : CompiledModelTests(
    DatabaseProvider.Sqlite, "Sqlite", ChildDashboard.Core.Persistence.CompiledModels.Sqlite.AppDbContextModel.Instance);

public sealed class CompiledModelOnPostgresTests() : CompiledModelTests(
    DatabaseProvider.PostgreSQL, "Postgres", ChildDashboard.Core.Persistence.CompiledModels.Postgres.PostgresAppDbContextModel.Instance);
