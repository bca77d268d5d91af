using System.Diagnostics;
using System.Runtime;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChildDashboard.Web.Circuits;

// GET /api/v1/diagnostics/memory: the process's memory and open pages, for system administrators
// sizing a server (the circuit load tool reads it). `?collect=true` first runs a full, compacting
// collection, so the heap shows what is live; it pauses the server briefly.
public static class ServerDiagnosticsEndpoints
{
    public sealed record MemoryReport(
        long WorkingSetBytes, long GcHeapBytes, long GcCommittedBytes, long GcFragmentedBytes, long GcTotalAvailableBytes,
        int Gen0Collections, int Gen1Collections, int Gen2Collections, double GcPauseTimePercentage,
        bool ServerGc, string LatencyMode, int OpenCircuits, int ConnectedCircuits, int ChangeSubscribers);

    public static void MapServerDiagnostics(this RouteGroupBuilder api) =>
        api.MapGet("/diagnostics/memory", Get)
            .WithName("GetMemoryDiagnostics")
            .WithTags("Diagnostics")
            .WithSummary("Server memory and open pages (system administrators)");

    private static async Task<Results<Ok<MemoryReport>, ForbidHttpResult>> Get(
        HttpContext http, CatalogueCache catalogues, CircuitCensus census,
        ChildDashboard.Core.Notifications.DataChangeNotifier notifier, bool collect = false)
    {
        if (CurrentUser.Access(http.User, await catalogues.GetAsync()) is not { CanAdministerSystem: true })
            return TypedResults.Forbid();
        if (collect)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = Process.GetCurrentProcess();
        return TypedResults.Ok(new MemoryReport(
            process.WorkingSet64, GC.GetTotalMemory(false), info.TotalCommittedBytes, info.FragmentedBytes, info.TotalAvailableMemoryBytes,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), info.PauseTimePercentage,
            GCSettings.IsServerGC, GCSettings.LatencyMode.ToString(), census.Open, census.Connected, notifier.SubscriberCount));
    }
}
