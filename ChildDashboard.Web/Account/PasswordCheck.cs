using ChildDashboard.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace ChildDashboard.Web.Account;

// One password check for the sign-in form and HTTP Basic, taking the same time whether or not the
// user exists: an unknown name is verified against a hash of a random password made by the same
// hasher, so that a wrong password for a real user (one hash) is not slower than for a made-up one.
// Nothing about the account is written on failure: throttling, not a failure count, stops guessing.
public sealed class PasswordCheck(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, DecoyPasswordHash decoy)
{
    public async Task<AppUser?> CheckAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user?.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(DecoyPasswordHash.User, decoy.HashFor(hasher), password);
            return null;
        }
        // Checked after the hash, so that a locked account takes as long as any other.
        return await users.CheckPasswordAsync(user, password) && !await users.IsLockedOutAsync(user) ? user : null;
    }
}
