using System.Text;

namespace ChildDashboard.Core.Persistence.Seed;

// A number in [0, 1) fixed by a text key, so demo data is the same on every machine and run.
internal static class StableRandom
{
    public static double Next(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
            hash = (hash ^ b) * 1099511628211UL;
        // SplitMix64 finaliser spreads the FNV-1a hash over all bits.
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        hash ^= hash >> 31;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
