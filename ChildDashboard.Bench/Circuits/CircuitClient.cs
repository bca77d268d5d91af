using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChildDashboard.Bench.Circuits;

// One open page as blazor.web.js (.NET 10) keeps it: a SignalR WebSocket on /_blazor speaking
// blazorpack, StartCircuit, then UpdateRootComponents with the page's prerendered markers once the
// server has attached its renderer; every render batch is acknowledged (OnRenderCompleted) and
// every JavaScript call answered (EndInvokeJSFromDotNet), as the browser would.
public sealed class CircuitClient : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly SignedInBrowser _browser;
    private readonly JsCallAnswers _answers;
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _rendered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _receiving;
    private long _armedAt;
    private long _firstBatchSinceArmed;
    private int _batches;
    private volatile bool _leaving;

    private CircuitClient(SignedInBrowser browser, JsCallAnswers answers)
    {
        _browser = browser;
        _answers = answers;
    }

    public string? CircuitSecret { get; private set; }

    // Set once the server closed the circuit or sent an error; the page is then dead.
    public string? Failure { get; private set; }

    public bool IsAlive => Failure is null && !_leaving && _socket.State == WebSocketState.Open;

    public int Batches => Volatile.Read(ref _batches);

    public long BytesReceived { get; private set; }

    public static async Task<CircuitClient> OpenAsync(SignedInBrowser browser, PrerenderedPage page, JsCallAnswers answers, CancellationToken ct)
    {
        var client = new CircuitClient(browser, answers);
        try
        {
            await client.StartAsync(page, ct);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(PrerenderedPage page, CancellationToken ct)
    {
        using var negotiation = await _browser.PostAsync("_blazor/negotiate?negotiateVersion=1", new StringContent(""));
        negotiation.EnsureSuccessStatusCode();
        using var negotiated = JsonDocument.Parse(await negotiation.Content.ReadAsStringAsync(ct));
        var token = negotiated.RootElement.GetProperty("connectionToken").GetString();

        _socket.Options.Cookies = _browser.Cookies;
        var socketAddress = new UriBuilder(new Uri(_browser.BaseAddress, "_blazor?id=" + Uri.EscapeDataString(token!)))
        {
            Scheme = _browser.BaseAddress.Scheme == "https" ? "wss" : "ws",
        }.Uri;
        await _socket.ConnectAsync(socketAddress, ct);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(HubProtocol.Handshake), WebSocketMessageType.Text, true, ct);
        _receiving = ReceiveAsync();

        var baseUri = _browser.BaseAddress.ToString();
        await SendAsync(HubProtocol.Invoke("0", "StartCircuit", w =>
        {
            w.String(baseUri);
            w.String(page.Address.ToString());
            w.String("[]");
            w.String(page.ServerState);
        }, 4));
        CircuitSecret = await _started.Task.WaitAsync(StartTimeout, ct);
        await _attached.Task.WaitAsync(StartTimeout, ct);
        var operations = RootComponentOperations(page.ServerMarkers);
        await SendAsync(HubProtocol.Invoke(null, "UpdateRootComponents", w =>
        {
            w.String(operations);
            w.String(page.ServerState);
        }, 2));
        await _rendered.Task.WaitAsync(StartTimeout, ct);
    }

    // What WebRootComponentManager sends for a freshly loaded page: one "add" per server marker,
    // numbered from 1 in document order, each marker with its descriptor's unique id.
    private static string RootComponentOperations(IReadOnlyList<string> markers)
    {
        var operations = markers.Select((marker, i) =>
            $"{{\"type\":\"add\",\"ssrComponentId\":{i + 1},\"marker\":{marker[..^1]},\"uniqueId\":{i}}}}}");
        return $"{{\"batchId\":1,\"operations\":[{string.Join(",", operations)}]}}";
    }

    // Fan-out: the time of the first render batch after Arm.
    public void Arm(long timestamp)
    {
        Volatile.Write(ref _firstBatchSinceArmed, 0);
        Volatile.Write(ref _armedAt, timestamp);
    }

    public long FirstBatchSinceArmed => Volatile.Read(ref _firstBatchSinceArmed);

    // Components that rendered while the page opened: every component instance renders at least once.
    public int ComponentsRenderedBeforeArmed { get; private set; }

    // The first render batch after Arm: how many components rendered, and its size.
    public int LastChangeComponents { get; private set; }

    public int LastChangeBytes { get; private set; }

    // A render batch ends with five int32 offsets; the first locates the updated components'
    // range, whose first int32 is their count (OutOfProcessRenderBatch.ts in blazor.web.js).
    private static int RenderedComponents(ReadOnlySpan<byte> batch) =>
        batch.Length < 20 ? 0 : BinaryPrimitives.ReadInt32LittleEndian(batch[BinaryPrimitives.ReadInt32LittleEndian(batch[^20..])..]);

    public Task PingAsync() => IsAlive ? SendAsync(HubProtocol.PingMessage) : Task.CompletedTask;

    // Closing the tab: blazor.web.js sends a beacon that disposes the circuit at once, then the socket goes.
    public async Task LeaveAsync()
    {
        if (CircuitSecret is not null)
        {
            using var form = new MultipartFormDataContent { { new StringContent(CircuitSecret), "circuitId" } };
            using var _ = await _browser.PostAsync("_blazor/disconnect", form);
        }
        await DisposeAsync();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        var handshakeDone = false;
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                if (filled == buffer.Length)
                    Array.Resize(ref buffer, buffer.Length * 2);
                var received = await _socket.ReceiveAsync(buffer.AsMemory(filled), CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    Fail("The server closed the socket: " + _socket.CloseStatusDescription);
                    return;
                }
                filled += received.Count;
                BytesReceived += received.Count;
                var offset = 0;
                if (!handshakeDone)
                {
                    var end = Array.IndexOf(buffer, (byte)0x1e, 0, filled);
                    if (end < 0)
                        continue;
                    var answer = Encoding.UTF8.GetString(buffer, 0, end);
                    if (answer.Contains("error", StringComparison.OrdinalIgnoreCase))
                    {
                        Fail("Handshake refused: " + answer);
                        return;
                    }
                    handshakeDone = true;
                    offset = end + 1;
                }
                var messages = HubProtocol.Parse(buffer.AsMemory(offset, filled - offset), out var consumed);
                foreach (var message in messages)
                    await HandleAsync(message);
                offset += consumed;
                Buffer.BlockCopy(buffer, offset, buffer, 0, filled - offset);
                filled -= offset;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            Fail("Socket: " + e.Message);
        }
        catch (Exception e)
        {
            Fail("Client: " + e);
        }
    }

    private async Task HandleAsync(HubProtocol.Message message)
    {
        switch (message)
        {
            case HubProtocol.Invocation { Target: "JS.RenderBatch" } batch:
                var now = Stopwatch.GetTimestamp();
                var id = batch.Arguments.Integer();
                var data = batch.Arguments.Binary().Span;
                var rendered = RenderedComponents(data);
                if (Volatile.Read(ref _armedAt) == 0)
                    ComponentsRenderedBeforeArmed += rendered;
                else if (Volatile.Read(ref _firstBatchSinceArmed) == 0)
                {
                    LastChangeComponents = rendered;
                    LastChangeBytes = data.Length;
                    Volatile.Write(ref _firstBatchSinceArmed, now);
                }
                Interlocked.Increment(ref _batches);
                await SendAsync(HubProtocol.Invoke(null, "OnRenderCompleted", w =>
                {
                    w.Integer(id);
                    w.Nil();
                }, 2));
                _rendered.TrySetResult();
                break;
            case HubProtocol.Invocation { Target: "JS.BeginInvokeJS" } call:
                await AnswerJsCallAsync(call);
                break;
            case HubProtocol.Invocation { Target: "JS.Error" } error:
                Fail("JS.Error: " + error.Arguments.String());
                break;
            case HubProtocol.Invocation:
                break;
            case HubProtocol.Completion { InvocationId: "0" } started:
                if (started.Error is not null || started.Result?.String() is not { } secret)
                    _started.TrySetException(new InvalidOperationException("StartCircuit failed: " + (started.Error ?? "no circuit id")));
                else
                    _started.TrySetResult(secret);
                break;
            case HubProtocol.Close close:
                Fail("Close: " + (close.Error ?? "without error"));
                break;
        }
    }

    private async Task AnswerJsCallAsync(HubProtocol.Invocation call)
    {
        var handle = call.Arguments.Integer();
        var identifier = call.Arguments.String() ?? "";
        call.Arguments.Skip(); // arguments JSON
        var resultType = call.ArgumentCount > 3 ? (int)call.Arguments.Integer() : 0;
        if (identifier == "Blazor._internal.attachWebRendererInterop")
            _attached.TrySetResult();
        var result = _answers.Answer(identifier, resultType);
        if (handle == 0)
            return;
        await SendAsync(HubProtocol.Invoke(null, "EndInvokeJSFromDotNet", w =>
        {
            w.Integer(handle);
            w.Bool(true);
            w.String($"[{handle},true,{result}]");
        }, 3));
    }

    private void Fail(string reason)
    {
        if (!_leaving)
            Failure ??= reason;
        var error = new InvalidOperationException(reason);
        _started.TrySetException(error);
        _attached.TrySetException(error);
        _rendered.TrySetException(error);
    }

    private async Task SendAsync(byte[] frame)
    {
        await _sending.WaitAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _leaving = true;
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                _socket.Abort();
            }
        }
        if (_receiving is not null)
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _sending.Dispose();
    }
}
