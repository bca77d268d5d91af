using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ChildDashboard.Web.Circuits;

// How many interactive pages this server holds: open circuits, and those of them with a live
// connection (the rest wait in the disconnected-circuit retention for their browser to come back).
public sealed class CircuitCensus
{
    private int _open;
    private int _connected;

    public int Open => Volatile.Read(ref _open);

    public int Connected => Volatile.Read(ref _connected);

    internal void Opened() => Interlocked.Increment(ref _open);

    internal void Closed() => Interlocked.Decrement(ref _open);

    internal void ConnectionUp() => Interlocked.Increment(ref _connected);

    internal void ConnectionDown() => Interlocked.Decrement(ref _connected);
}

internal sealed class CircuitCensusHandler(CircuitCensus census) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        census.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        census.Closed();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        census.ConnectionUp();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        census.ConnectionDown();
        return Task.CompletedTask;
    }
}
