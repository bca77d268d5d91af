using System.Net;

namespace ChildDashboard.Tests.Web.Api;

// One hostile or careless request: where it goes, as whom, and the status and message it must get.
// Body makes a fresh content for each send.
public sealed record HostileCase(
    string Name, HttpMethod Method, string Path, Func<HttpContent?> Body, HttpStatusCode Status, string Message, string User = "analyst");
