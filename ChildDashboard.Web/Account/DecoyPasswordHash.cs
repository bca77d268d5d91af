using System.Security.Cryptography;
using ChildDashboard.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace ChildDashboard.Web.Account;

// The hash an unknown user name is checked against (see PasswordCheck), made once by the app's own
// hasher so that it costs what a real one costs.
public sealed class DecoyPasswordHash(IPasswordHasher<AppUser> hasher)
{
    public static readonly AppUser User = new() { UserName = "", DisplayName = "" };

    private readonly Lazy<string> _hash = new(() => hasher.HashPassword(User, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public string Hash => _hash.Value;
}
