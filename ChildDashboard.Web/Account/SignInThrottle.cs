using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Account;

// Password checks are throttled instead of locking accounts: Identity's lock-out let anyone lock
// `admin` out with ten wrong passwords. The limiters are System.Threading.RateLimiting's fixed
// windows (those behind ASP.NET Core's rate limiting middleware), chained per address, per account
// and address, and per account, in that order, so that a refused stranger stops using up the
// account's own budget. The form sign-in and HTTP Basic share them; a cached Basic credential is
// not a password check and is not counted.
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<SignInAttempt> _limiter;

    public SignInThrottle(IOptions<SignInThrottleOptions> options)
    {
        var o = options.Value;
        FixedWindowRateLimiterOptions Window(int permits) => new()
        {
            PermitLimit = permits, Window = o.Window, QueueLimit = 0, AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<SignInAttempt, string>(a => RateLimitPartition.GetFixedWindowLimiter(a.Address, _ => Window(o.PerAddress))),
            PartitionedRateLimiter.Create<SignInAttempt, SignInAttempt>(a => RateLimitPartition.GetFixedWindowLimiter(a, _ => Window(o.PerAccountAndAddress))),
            PartitionedRateLimiter.Create<SignInAttempt, string>(a => RateLimitPartition.GetFixedWindowLimiter(a.Account, _ => Window(o.PerAccount))));
    }

    // Null when the attempt may go ahead, else how long to wait.
    public TimeSpan? TryAttempt(string userName, IPAddress? address)
    {
        using var lease = _limiter.AttemptAcquire(new SignInAttempt(userName.Trim().ToUpperInvariant(), AddressKey(address)));
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    // Codes of the second step (and of the two-factor settings) count under the account's own
    // budget for codes, so that they do not use up its passwords' one.
    public TimeSpan? TryCodeAttempt(string userName, IPAddress? address) => TryAttempt("code:" + userName, address);

    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => _limiter.Dispose();
}
