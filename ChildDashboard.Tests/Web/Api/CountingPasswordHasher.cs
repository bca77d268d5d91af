using System.Collections.Concurrent;
using ChildDashboard.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace ChildDashboard.Tests.Web.Api;

// Identity's own hasher, counting how often a user's password is checked against its hash.
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private readonly ConcurrentDictionary<string, int> _verifications = new();

    public int VerificationsOf(string userName) => _verifications.GetValueOrDefault(userName);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        _verifications.AddOrUpdate(user.UserName ?? "", 1, (_, count) => count + 1);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
