using Microsoft.JSInterop;

namespace ChildDashboard.Web.Components.Shared;

// Hands a file made on the server to the browser as a download (download.js), without an endpoint of its own.
public static class FileDownload
{
    public static async Task SaveAsync(IJSRuntime js, string fileName, string contentType, byte[] content)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./download.js");
        using var stream = new MemoryStream(content, writable: false);
        using var reference = new DotNetStreamReference(stream);
        await module.InvokeVoidAsync("saveFile", fileName, contentType, reference);
    }
}
