using ChildDashboard.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Account;

// Identity's sign-in manager with one more door: after PasswordCheck (which takes the same time for
// any user name), sign in or, for an account with two-factor sign-in, ask for the code, without
// hashing the password a second time as PasswordSignInAsync would.
public sealed class AppSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<AppUser> principals,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, principals, options, logger, schemes, confirmation)
{
    public Task<SignInResult> SignInCheckedUserAsync(AppUser user) => SignInOrTwoFactorAsync(user, isPersistent: true);
}
