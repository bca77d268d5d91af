using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ChildDashboard.Core.Persistence;

namespace ChildDashboard.Bench.Circuits;

// `--circuits 100,300,1000 --minutes 10`: opens that many overview pages (Blazor Server circuits)
// on a server of its own, step by step, and measures per step: circuits held and errors, server
// memory per circuit, idle CPU, the write's answer time and the fan-out (write answered → each
// page's render batch). One step (--hold-at, else the largest) is held for --minutes with a write
// every 15 s; at the end the pages close and the memory left is measured.
public sealed class CircuitLoad(CircuitLoadOptions options, string repoRoot, string configuration)
{
    private readonly List<CircuitClient> _circuits = [];
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly JsCallAnswers _answers = new();
    private readonly List<string> _report = [];
    private int _value = 1000;
    private ServerProcess _server = null!;
    private HttpClient _api = null!;
    private SignedInBrowser _browser = null!;

    public async Task RunAsync()
    {
        var time = TimeProvider.System;
        var connection = await OverviewDatabase.CreateAsync(Path.Combine(repoRoot, "artifacts", "bench"), time);
        var password = "Load-" + Guid.NewGuid().ToString("N")[..12];
        // The writes sign in with Basic every time: the server's own sign-in throttle must not count them.
        var environment = new Dictionary<string, string>
        {
            ["SignIn__PerAccountAndAddress"] = "100000",
            ["SignIn__PerAddress"] = "100000",
            ["SignIn__PerAccount"] = "100000",
        };
        foreach (var (key, value) in options.ServerEnvironment)
            environment[key] = value;
        var snapshot = Path.Combine(repoRoot, "artifacts", "bench", "circuits.snapshot");
        File.Delete(snapshot);
        await using var server = _server = await ServerProcess.StartAsync(repoRoot, configuration, DatabaseProvider.Sqlite, connection, password, snapshot, environment);
        using var api = _api = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + password)));
        using var browser = _browser = await SignedInBrowser.SignInAsync(server.Address, "admin", password);
        var quarter = OverviewDatabase.WriteQuarter(time);
        Console.WriteLine($"Server pid {server.ProcessId} at {server.Address}; settings: {(environment.Count == 0 ? "defaults" : string.Join(" ", environment.Select(e => e.Key + "=" + e.Value)))}");

        await WarmUpAsync(quarter);
        var baseline = await ServerSnapshot.TakeAsync(server, api, collect: false);
        var baselineLive = await ServerSnapshot.TakeAsync(server, api, collect: true);
        Console.WriteLine($"Baseline: {baseline}; live after a full collection: {baselineLive.GcHeapMb:N0} MB");
        var idleBaseline = await IdleCpuAsync(TimeSpan.FromSeconds(20));
        var zero = await WritesAsync(quarter, options.Writes);
        Row("0", "—", $"{baseline.RssMb:N0} MB", "—", $"{baselineLive.GcHeapMb:N0} MB live", "—", Ms(zero.Answers, 0.5), Ms(zero.Answers, 0.95), $"{idleBaseline:N1} %");

        using var pinging = new CancellationTokenSource();
        var pinger = PingAsync(pinging.Token);
        foreach (var n in options.Steps)
        {
            var opening = await OpenAsync(n);
            await Task.Delay(TimeSpan.FromSeconds(10));
            var idle = await IdleCpuAsync(TimeSpan.FromSeconds(30));
            var memory = await ServerSnapshot.TakeAsync(server, api, collect: false);
            var writes = await WritesAsync(quarter, options.Writes);
            if (n == options.HoldAt && options.Minutes > 0)
                writes = writes.Add(await HoldAsync(quarter, TimeSpan.FromMinutes(options.Minutes)));
            var live = await ServerSnapshot.TakeAsync(server, api, collect: true);
            var held = _circuits.Count(c => c.IsAlive);
            Console.WriteLine($"N = {n}: {memory}; live {live.GcHeapMb:N0} MB; opening p50 {Ms(opening, 0.5)}, p95 {Ms(opening, 0.95)}; " +
                $"components per page {_circuits.Average(c => c.ComponentsRenderedBeforeArmed):N0}; per change {Average(writes.Components)} components re-rendered, {Average(writes.Bytes)} bytes sent");
            Row($"{n:N0}", $"{held:N0}{(_errors.IsEmpty ? "" : $" ({_errors.Values.Sum()} errors)")}",
                $"{memory.RssMb:N0} MB", $"{(memory.RssMb - baseline.RssMb) * 1024 / n:N0} KB",
                $"{(live.GcHeapMb - baselineLive.GcHeapMb) * 1e3 / n:N0} KB", $"{Ms(writes.Fanouts, 0.5)} / {Ms(writes.Fanouts, 0.95)}{(writes.Missed > 0 ? $" ({writes.Missed} missed)" : "")}",
                Ms(writes.Answers, 0.5), Ms(writes.Answers, 0.95), $"{idle:N1} %");
        }
        await pinging.CancelAsync();
        await pinger;

        await Task.WhenAll(_circuits.Select(c => c.LeaveAsync()));
        _circuits.Clear();
        await Task.Delay(TimeSpan.FromSeconds(30));
        var left = await ServerSnapshot.TakeAsync(server, api, collect: false);
        await Task.Delay(TimeSpan.FromSeconds(30));
        var leftLater = await ServerSnapshot.TakeAsync(server, api, collect: false);
        var leftLive = await ServerSnapshot.TakeAsync(server, api, collect: true);
        var leftCollected = await ServerSnapshot.TakeAsync(server, api, collect: false);

        Console.WriteLine();
        Console.WriteLine($"{Environment.ProcessorCount} cores, {configuration}, server GC: {baseline.ServerGc}; settings: {(environment.Count == 0 ? "defaults" : string.Join(" ", environment.Select(e => e.Key + "=" + e.Value)))}");
        Console.WriteLine("| open pages | held (errors) | server RSS | RSS per page | live heap per page | fan-out p50 / p95 | write answer p50 | p95 | idle CPU (2 cores) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        _report.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine($"After the pages closed: 30 s {left}; 60 s {leftLater}; live heap {leftLive.GcHeapMb:N0} MB; RSS after that full collection {leftCollected.RssMb:N0} MB (baseline {baseline.RssMb:N0} MB).");
        Console.WriteLine($"Errors: {(_errors.IsEmpty ? "none" : string.Join("; ", _errors.Select(e => $"{e.Value} × {e.Key}")))}");
        Console.WriteLine($"JavaScript calls answered: {string.Join(", ", _answers.Calls.OrderByDescending(c => c.Value).Select(c => $"{c.Key} ×{c.Value}"))}");
    }

    private async Task WarmUpAsync(string quarter)
    {
        for (var i = 0; i < 10; i++)
        {
            var circuit = await CircuitClient.OpenAsync(_browser, await _browser.LoadAsync(options.Page), _answers, CancellationToken.None);
            await circuit.LeaveAsync();
        }
        await WritesAsync(quarter, 5);
        await Task.Delay(TimeSpan.FromSeconds(5));
    }

    // Opens pages until n are open, a few at a time as browsers arriving would; returns each page's
    // time from GET to its first render.
    private async Task<List<double>> OpenAsync(int n)
    {
        var times = new ConcurrentBag<double>();
        var opened = new ConcurrentBag<CircuitClient>();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(_circuits.Count, n, new ParallelOptions { MaxDegreeOfParallelism = options.OpenParallel }, async (_, ct) =>
        {
            var begun = Stopwatch.GetTimestamp();
            try
            {
                var page = await _browser.LoadAsync(options.Page);
                opened.Add(await CircuitClient.OpenAsync(_browser, page, _answers, ct));
                times.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            }
            catch (Exception e)
            {
                Error("open: " + e.Message);
            }
        });
        _circuits.AddRange(opened);
        Console.WriteLine($"Opened {opened.Count} pages in {Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s ({_circuits.Count} open).");
        return [.. times];
    }

    private sealed record WriteResults(List<double> Answers, List<double> Fanouts, int Missed, List<int> Components, List<int> Bytes)
    {
        public WriteResults Add(WriteResults more) => new([.. Answers, .. more.Answers], [.. Fanouts, .. more.Fanouts], Missed + more.Missed,
            [.. Components, .. more.Components], [.. Bytes, .. more.Bytes]);
    }

    private async Task<WriteResults> WritesAsync(string quarter, int count, TimeSpan? pause = null)
    {
        var answers = new List<double>();
        var fanouts = new List<double>();
        var components = new List<int>();
        var bytes = new List<int>();
        var missed = 0;
        for (var i = 0; i < count; i++)
        {
            var alive = _circuits.Where(c => c.IsAlive).ToList();
            var started = Stopwatch.GetTimestamp();
            alive.ForEach(c => c.Arm(started));
            var body = $$"""{"dataValues":[{"dataElement":"HEART_SURGERY","period":"{{quarter}}","orgUnit":"01","categoryOptionCombo":"MALE","value":"{{_value++}}"}]}""";
            using (var answer = await _api.PostAsync("api/v1/dataValueSets", new StringContent(body, Encoding.UTF8, "application/json")))
            {
                if (!answer.IsSuccessStatusCode)
                    throw new InvalidOperationException($"The write failed: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            }
            var answered = Stopwatch.GetTimestamp();
            answers.Add(Stopwatch.GetElapsedTime(started, answered).TotalMilliseconds);
            while (alive.Any(c => c.FirstBatchSinceArmed == 0 && c.IsAlive) && Stopwatch.GetElapsedTime(answered).TotalSeconds < 10)
                await Task.Delay(5);
            foreach (var circuit in alive)
            {
                var at = circuit.FirstBatchSinceArmed;
                if (at == 0)
                    missed++;
                else
                {
                    fanouts.Add(Math.Max(0, Stopwatch.GetElapsedTime(answered, at).TotalMilliseconds));
                    components.Add(circuit.LastChangeComponents);
                    bytes.Add(circuit.LastChangeBytes);
                }
            }
            await Task.Delay(pause ?? TimeSpan.FromSeconds(1));
        }
        foreach (var failed in _circuits.Where(c => c.Failure is not null).Select(c => c.Failure!).GroupBy(f => f))
            _errors[failed.Key] = failed.Count();
        answers.Sort();
        fanouts.Sort();
        return new WriteResults(answers, fanouts, missed, components, bytes);
    }

    private async Task<WriteResults> HoldAsync(string quarter, TimeSpan duration)
    {
        var results = new WriteResults([], [], 0, [], []);
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            results = results.Add(await WritesAsync(quarter, 1, TimeSpan.FromSeconds(15)));
            Console.WriteLine($"  holding: {_circuits.Count(c => c.IsAlive)} alive, {_server.Memory().CurrentMb:N0} MB RSS, {results.Answers.Count} writes");
        }
        results.Answers.Sort();
        results.Fanouts.Sort();
        return results;
    }

    // Share of the machine's CPU the server used while nothing happened but the pages' pings.
    private async Task<double> IdleCpuAsync(TimeSpan window)
    {
        var before = _server.CpuTime();
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(window);
        return (_server.CpuTime() - before).TotalSeconds / Stopwatch.GetElapsedTime(started).TotalSeconds / Environment.ProcessorCount * 100;
    }

    // SignalR's keep-alive: a browser pings every 15 s, and the server drops a client silent for 30 s.
    private async Task PingAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(15), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            foreach (var circuit in _circuits.ToList())
                await circuit.PingAsync();
        }
    }

    private static string Average(List<int> values) => values.Count == 0 ? "—" : values.Average().ToString("N0", CultureInfo.InvariantCulture);

    private void Error(string message) => _errors.AddOrUpdate(message.Length > 160 ? message[..160] : message, 1, (_, n) => n + 1);

    private void Row(params string[] cells) => _report.Add("| " + string.Join(" | ", cells) + " |");

    private static string Ms(List<double> sorted, double p) => sorted.Count == 0
        ? "—"
        : string.Create(CultureInfo.InvariantCulture, $"{sorted.Order().ElementAt((int)Math.Ceiling(p * sorted.Count) - 1):N0} ms");
}

public sealed record CircuitLoadOptions(IReadOnlyList<int> Steps, double Minutes, int HoldAt, int Writes, int OpenParallel, string Page, IReadOnlyDictionary<string, string> ServerEnvironment)
{
    public static CircuitLoadOptions Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : null;
        var steps = (Value("--circuits") ?? "100,300,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Order().ToList();
        var environment = args.Select((a, i) => (a, i)).Where(x => x.a == "--set" && x.i + 1 < args.Length)
            .Select(x => args[x.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        return new CircuitLoadOptions(steps,
            double.Parse(Value("--minutes") ?? "0", CultureInfo.InvariantCulture),
            Value("--hold-at") is { } holdAt ? int.Parse(holdAt, CultureInfo.InvariantCulture) : steps[^1],
            int.Parse(Value("--writes") ?? "10", CultureInfo.InvariantCulture),
            int.Parse(Value("--parallel") ?? "8", CultureInfo.InvariantCulture),
            Value("--page") ?? "/",
            environment);
    }
}
