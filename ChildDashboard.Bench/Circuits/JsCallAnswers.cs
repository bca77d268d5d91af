using System.Collections.Concurrent;

namespace ChildDashboard.Bench.Circuits;

// What a desktop browser (1440 × 900) would answer to the server's JavaScript calls. Most calls
// (Blazor's own, MudBlazor's listeners) return nothing the server reads; those that do get what
// the browser would return, and a call whose result is an object reference gets a fresh one.
// Every identifier is counted for the report.
public sealed class JsCallAnswers
{
    private const int JSObjectReference = 1;

    private static readonly Dictionary<string, string> BrowserResults = new()
    {
        ["mudResizeListener.getBrowserWindowSize"] = "{\"height\":900,\"width\":1440}",
        ["mudElementRef.getBoundingClientRect"] = "{\"top\":0,\"left\":0,\"width\":1440,\"height\":64,\"windowHeight\":900,\"windowWidth\":1440,\"scrollX\":0,\"scrollY\":0}",
        ["mudpopoverHelper.countProviders"] = "1",
        ["window.hasOwnProperty"] = "true",
        ["Blazor._internal.PageTitle.getAndRemoveExistingTitle"] = "\"ChildDashboard\"",
    };

    private readonly ConcurrentDictionary<string, int> _calls = new();
    private long _nextObjectId;

    public IReadOnlyDictionary<string, int> Calls => _calls;

    public string Answer(string identifier, int resultType)
    {
        _calls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        if (resultType == JSObjectReference)
            return $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextObjectId)}}}";
        return BrowserResults.TryGetValue(identifier, out var json) ? json : "null";
    }
}
