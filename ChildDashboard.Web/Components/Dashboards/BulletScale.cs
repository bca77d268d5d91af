using ChildDashboard.Core.Domain;

namespace ChildDashboard.Web.Components.Dashboards;

// The scale of a bullet graph (Stephen Few): positions from 0 (the worse end) to 1 (the better
// end), so that a "down is good" indicator also grows to the right towards its target. The scale
// spans baseline, target and actual with a margin rather than starting at zero: the band from
// baseline to target is what a leader reads. Without a baseline the band starts at 0 (Up) or at
// twice the target (Down).
public sealed record BulletScale(double Low, double High, Direction Direction)
{
    public static BulletScale? For(Direction direction, double? baseline, double? target, double? actual)
    {
        if (target is not { } t)
            return null;
        var start = baseline ?? (direction == Direction.Up ? 0 : 2 * t);
        var low = Math.Min(Math.Min(start, t), actual ?? t);
        var high = Math.Max(Math.Max(start, t), actual ?? t);
        var pad = high > low ? (high - low) * 0.08 : Math.Abs(high) * 0.1 + 1;
        return new BulletScale(low - pad, high + pad, direction);
    }

    public static double BandStart(Direction direction, double? baseline, double target) =>
        baseline ?? (direction == Direction.Up ? 0 : 2 * target);

    public double Position(double value)
    {
        var fraction = (value - Low) / (High - Low);
        return Math.Clamp(Direction == Direction.Up ? fraction : 1 - fraction, 0, 1);
    }
}
