using System.Security.Cryptography;
using ChildDashboard.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace ChildDashboard.Web.Account;

// The hash an unknown user name is checked against (see PasswordCheck), made once by the app's own
// hasher (a scoped service, hence passed in) so that it costs what a real one costs.
public sealed class DecoyPasswordHash
{
    public static readonly AppUser User = new() { UserName = "", DisplayName = "" };

    private string? _hash;

    public string HashFor(IPasswordHasher<AppUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(User, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
}
