using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace ChildDashboard.Core.Persistence;

// The administrators' backup: a consistent copy of the database taken while the app may be
// running. SQLite: the online backup API into a new file, then checked with integrity_check.
// PostgreSQL: pg_dump in its custom format (restored with pg_restore), the password passed in the
// environment, never on the command line.
public static class DatabaseBackup
{
    public static async Task RunAsync(IConfiguration configuration, string contentRoot, string target, CancellationToken ct = default)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target))
            throw new InvalidOperationException($"{target} exists already; a backup never overwrites a file.");
        Directory.CreateDirectory(Path.GetDirectoryName(target) ?? ".");
        var connectionString = configuration.GetConnectionString("Default");
        if (PersistenceServiceCollectionExtensions.Provider(configuration) == DatabaseProvider.PostgreSQL)
            await PgDumpAsync(connectionString ?? throw new InvalidOperationException("Set ConnectionStrings:Default for PostgreSQL."), target, ct);
        else
            await SqliteBackupAsync(PersistenceServiceCollectionExtensions.SqliteConnectionString(
                connectionString ?? PersistenceServiceCollectionExtensions.DefaultSqliteConnectionString, contentRoot), target, ct);
    }

    private static async Task SqliteBackupAsync(string connectionString, string target, CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (!File.Exists(source.DataSource))
            throw new InvalidOperationException($"There is no database at {source.DataSource}.");
        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            // The copy needs a moment without a write in progress; an import's write waits for it, or it for the import.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    from.BackupDatabase(to);
                    break;
                }
                catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 120)
                {
                    await Task.Delay(500, ct);
                }
            }
            await using var check = to.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var result = (string?)await check.ExecuteScalarAsync(ct);
            if (result != "ok")
                throw new InvalidOperationException($"The copy in {target} failed its integrity check: {result}");
        }
        SqliteConnection.ClearAllPools();
    }

    private static async Task PgDumpAsync(string connectionString, string target, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("pg_dump")
        {
            ArgumentList = { "--format=custom", "--no-owner", "--file", target },
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGHOST"] = builder.Host ?? "localhost";
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = builder.Database ?? "";
        start.Environment["PGUSER"] = builder.Username ?? "";
        start.Environment["PGPASSWORD"] = builder.Password ?? "";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("pg_dump did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("pg_dump was not found: install the PostgreSQL client tools of the server's version (apt-get install postgresql-client).");
        }
        using (process)
        {
            var errors = await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                File.Delete(target);
                throw new InvalidOperationException($"pg_dump failed ({process.ExitCode}): {errors.Trim()}");
            }
        }
    }
}
