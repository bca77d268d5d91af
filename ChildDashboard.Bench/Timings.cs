using System.Diagnostics;

namespace ChildDashboard.Bench;

public static class Timings
{
    public sealed record Summary(double P50, double P95, double Min, double Max);

    public static async Task<Summary> MeasureAsync(int warmups, int runs, Func<Task> action, Action? afterWarmUp = null)
    {
        for (var i = 0; i < warmups; i++)
            await action();
        afterWarmUp?.Invoke();
        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        samples.Sort();
        return new Summary(Percentile(samples, 0.50), Percentile(samples, 0.95), samples[0], samples[^1]);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
