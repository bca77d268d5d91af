using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services.Dashboards;

// Where each province's circle goes on the map: its centroid projected (longitude scaled by the
// cosine of Vietnam's middle latitude), then nudged apart until no two circles overlap, so that
// the 63 provinces of the Red River Delta each get a circle a reader can point at.
public static class MapLayout
{
    public const double Width = 300;
    public const double Radius = 8;
    private const double Gap = 1.5;
    private const double Margin = Radius + 4;
    private const int Iterations = 300;
    // Vietnam's extent in degrees, a little wider than the centroids.
    private const double West = 102.0, East = 109.7, North = 23.6, South = 8.4;
    private static readonly double LongitudeScale = Math.Cos(16 * Math.PI / 180);

    public static double Height => Margin * 2 + (North - South) * Scale;

    private static double Scale => (Width - 2 * Margin) / ((East - West) * LongitudeScale);

    public sealed record Spot(int UnitId, double X, double Y);

    // Units without a centroid are left out.
    public static IReadOnlyList<Spot> Place(IEnumerable<OrgUnit> units)
    {
        var placed = units.Where(u => u.Latitude is not null && u.Longitude is not null)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => (u.Id, Home: Project(u.Latitude.GetValueOrDefault(), u.Longitude.GetValueOrDefault())))
            .ToList();
        var x = placed.Select(p => p.Home.X).ToArray();
        var y = placed.Select(p => p.Home.Y).ToArray();
        const double distance = 2 * Radius + Gap;
        for (var round = 0; round < Iterations; round++)
        {
            var moved = false;
            for (var i = 0; i < x.Length; i++)
            {
                for (var j = i + 1; j < x.Length; j++)
                {
                    var dx = x[j] - x[i];
                    var dy = y[j] - y[i];
                    var d = Math.Sqrt(dx * dx + dy * dy);
                    if (d >= distance)
                        continue;
                    // Two circles at the same point part along a fixed direction: the layout is stable.
                    if (d < 1e-6)
                        (dx, dy, d) = (0.6, 0.8, 1);
                    var push = (distance - d) / 2 + 0.01;
                    x[i] -= dx / d * push;
                    y[i] -= dy / d * push;
                    x[j] += dx / d * push;
                    y[j] += dy / d * push;
                    moved = true;
                }
            }
            if (!moved)
                break;
        }
        return placed.Select((p, i) => new Spot(p.Id,
            Math.Round(Math.Clamp(x[i], Radius, Width - Radius), 1),
            Math.Round(Math.Clamp(y[i], Radius, Height - Radius), 1))).ToList();
    }

    public static (double X, double Y) Project(double latitude, double longitude) =>
        (Margin + (longitude - West) * LongitudeScale * Scale, Margin + (North - latitude) * Scale);
}
