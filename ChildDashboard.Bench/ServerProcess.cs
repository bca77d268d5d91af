using ChildDashboard.Core.Persistence;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ChildDashboard.Bench;

// The web app, published as it is deployed, in its own process on a free loopback port, so that its
// memory is measured on its own.
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, Uri address, List<string> output)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(string repoRoot, string configuration, DatabaseProvider provider, string connectionString, string adminPassword, string snapshotPath,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = await PublishAsync(repoRoot, configuration);
        if (provider == DatabaseProvider.Sqlite)
        {
            // The server runs in its own folder: a relative database path is this process's.
            var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource);
            connectionString = sqlite.ToString();
        }
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", address.ToString() },
            WorkingDirectory = Path.GetDirectoryName(dll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ConnectionStrings__Default"] = connectionString;
        start.Environment["Security__InitialAdminPassword"] = adminPassword;
        start.Environment["Seed__DemoData"] = "false";
        start.Environment["Analytics__SnapshotPath"] = snapshotPath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__ChildDashboard"] = "Information";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        var output = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
                return;
            lock (output)
                output.Add(line);
            if (!line.StartsWith("info:", StringComparison.Ordinal))
                Console.WriteLine("  server:" + line);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The web app exited with code {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("account/login")).StatusCode == HttpStatusCode.OK)
                    return new ServerProcess(process, address, output);
            }
            catch (HttpRequestException)
            {
                // Still starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The web app did not start within a minute.");
    }

    // The app as it is deployed (README, "Benchmarks"): published with ReadyToRun, which compiles it
    // ahead of time, into artifacts/bench/web, once per benchmark run (an unchanged app publishes again
    // in seconds). Its own obj and bin folders (artifacts/bench/publish) leave the normal build's alone.
    public static async Task<string> PublishAsync(string repoRoot, string configuration)
    {
        await Publishing.WaitAsync();
        try
        {
            if (_published is not null)
                return _published;
            var output = Path.Combine(repoRoot, "artifacts", "bench", "web");
            Console.WriteLine($"Publishing the web app ({configuration}, ReadyToRun) into {output} ...");
            var started = Stopwatch.GetTimestamp();
            var publish = new ProcessStartInfo("dotnet")
            {
                ArgumentList =
                {
                    "publish", Path.Combine(repoRoot, "ChildDashboard.Web"), "-c", configuration, "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
                    "-p:PublishReadyToRun=true", "--artifacts-path", Path.Combine(repoRoot, "artifacts", "bench", "publish"), "-o", output, "--nologo",
                },
                WorkingDirectory = repoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(publish) ?? throw new InvalidOperationException("Could not run dotnet publish.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):{Environment.NewLine}{await stdout}{await stderr}");
            Console.WriteLine($"  published in {Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s");
            return _published = Path.Combine(output, "ChildDashboard.Web.dll");
        }
        finally
        {
            Publishing.Release();
        }
    }

    private static readonly SemaphoreSlim Publishing = new(1, 1);
    private static string? _published;

    public int ProcessId => _process.Id;

    // Waits until the server has written a line of its log that matches (already written counts).
    public async Task<bool> WaitForLogAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            lock (_output)
            {
                if (_output.Any(match))
                    return true;
            }
            await Task.Delay(200);
        }
        return false;
    }

    // User and system CPU time the server has used so far, from /proc (Linux; clock ticks of 10 ms).
    public TimeSpan CpuTime()
    {
        var (user, system) = CpuTimes();
        return user + system;
    }

    // The same split into user and system (kernel) time.
    public (TimeSpan User, TimeSpan System) CpuTimes()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        TimeSpan Ticks(int field) => TimeSpan.FromMilliseconds(long.Parse(fields[field], System.Globalization.CultureInfo.InvariantCulture) * 10);
        return (Ticks(11), Ticks(12));
    }

    // Peak and current resident memory of the server process, from /proc (Linux).
    public (double PeakMb, double CurrentMb) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Read(string key) => double.Parse(status.Single(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture) / 1024;
        return (Read("VmHWM"), Read("VmRSS"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
