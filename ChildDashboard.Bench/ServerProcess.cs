using ChildDashboard.Core.Persistence;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChildDashboard.Bench;

// The web app (Release build) in its own process on a free loopback port, so that its memory is
// measured on its own.
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
        var webProject = Path.Combine(repoRoot, "ChildDashboard.Web");
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "ChildDashboard.Web.dll");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", address.ToString() },
            WorkingDirectory = webProject,
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
