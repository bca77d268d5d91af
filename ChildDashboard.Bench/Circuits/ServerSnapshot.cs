using System.Net.Http.Json;

namespace ChildDashboard.Bench.Circuits;

// The server's memory at one moment: resident set from /proc, the managed heap and open circuits
// from its diagnostics endpoint (optionally after a full collection, to see what is live).
public sealed record ServerSnapshot(double RssMb, double GcHeapMb, double GcCommittedMb, int OpenCircuits, int ConnectedCircuits, int Gen2Collections, bool ServerGc)
{
    private sealed record MemoryReport(long GcHeapBytes, long GcCommittedBytes, int Gen2Collections, bool ServerGc, int OpenCircuits, int ConnectedCircuits);

    public static async Task<ServerSnapshot> TakeAsync(ServerProcess server, HttpClient api, bool collect)
    {
        var report = await api.GetFromJsonAsync<MemoryReport>($"api/v1/diagnostics/memory?collect={(collect ? "true" : "false")}")
            ?? throw new InvalidOperationException("No memory report.");
        return new ServerSnapshot(server.Memory().CurrentMb, report.GcHeapBytes / 1e6, report.GcCommittedBytes / 1e6,
            report.OpenCircuits, report.ConnectedCircuits, report.Gen2Collections, report.ServerGc);
    }

    public override string ToString() =>
        FormattableString.Invariant($"RSS {RssMb:N0} MB, GC heap {GcHeapMb:N0} MB (committed {GcCommittedMb:N0} MB), {OpenCircuits} circuits open ({ConnectedCircuits} connected)");
}
