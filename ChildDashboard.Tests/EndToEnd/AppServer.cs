using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChildDashboard.Tests.EndToEnd;

// The real app in its own process on a free loopback port, with a fresh database and demo data,
// started the way `dotnet run` starts it (Development, content root = the web project).
public sealed class AppServer : IAsyncDisposable
{
    public const string AdminPassword = "E2e-Steward-Pa55";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;
    private readonly bool _ownsData;

    private AppServer(Process process, string dataDirectory, bool ownsData, Uri baseAddress)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _ownsData = ownsData;
        BaseAddress = baseAddress;
    }

    public string DatabaseFile => Path.Combine(_dataDirectory, "e2e.db");

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    // dataDirectory: a database folder of the caller's that outlives the server (a restart);
    // otherwise a fresh one, deleted with the server. settings: environment variables that replace
    // the defaults (e.g. another database).
    public static async Task<AppServer> StartAsync(string? dataDirectory = null, bool demoData = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var webProject = Path.Combine(RepoRoot.Path, "ChildDashboard.Web");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "ChildDashboard.Web.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException("Build the web project first.", dll);

        var ownsData = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("childdashboard-e2e-").FullName;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", baseAddress.ToString() },
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(dataDirectory, "e2e.db")}";
        start.Environment["Security__InitialAdminPassword"] = AdminPassword;
        start.Environment["Seed__DemoData"] = demoData ? "true" : "false";
        // Most tests sign in as `admin` with a password only; TwoFactorTests turn the requirement
        // back on (the app's default) on a server of their own.
        start.Environment["Security__RequireTwoFactorForAdmins"] = "false";
        // The browser tests sign in as `admin` from one address more than the default ten times in
        // 15 minutes; the throttle itself is tested in Web/Security/SignInTests.
        start.Environment["SignIn__PerAccountAndAddress"] = "100";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        var server = new AppServer(process, dataDirectory, ownsData, baseAddress);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    // A demo account's password, printed once by the app when it created the account.
    public string PrintedPassword(string userName)
    {
        var line = Output.Split('\n').Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(words => words.Length >= 2 && words[0] == userName);
        return line?[1] ?? throw new InvalidOperationException($"The app printed no password for {userName}.");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The web app exited with code {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("account/login");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The web app did not answer within {timeout.TotalSeconds} s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // SIGKILL: no shutdown, no flush, as when the machine loses power or the process is OOM-killed.
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (!_ownsData)
            return;
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process; the temp folder is cleaned by the OS.
        }
    }
}
