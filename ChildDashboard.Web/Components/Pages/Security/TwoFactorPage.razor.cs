using ChildDashboard.Core.Identity;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Components.Pages.Security;

// Turning two-factor sign-in on (Identity's authenticator key, confirmed with a code, and ten
// recovery codes shown once), making new recovery codes, and turning it off. Every change that
// needs a code is throttled like a password.
public partial class TwoFactorPage
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "ChildDashboard";

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromForm]
    private string? Code { get; set; }

    [Inject] private UserManager<AppUser> Users { get; set; } = null!;
    [Inject] private AppSignInManager SignIn { get; set; } = null!;
    [Inject] private SignInThrottle Throttle { get; set; } = null!;
    [Inject] private IOptions<SecurityOptions> Security { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Localizer { get; set; } = null!;

    private AppUser _user = null!;
    private string _displayName = "";
    private bool _enabled;
    private bool _required;
    private int _recoveryCodesLeft;
    private string _sharedKey = "";
    private string _authenticatorUri = "";
    private string? _error;
    private IReadOnlyList<string>? _newCodes;

    private string ContinueUrl => Cultures.SafeLocalUrl(ReturnUrl ?? "/profile").TrimStart('/') is { Length: > 0 } url ? url : ".";

    protected override async Task OnInitializedAsync()
    {
        if (await Users.GetUserAsync(HttpContext.User) is not { } user)
        {
            Navigation.NavigateTo(AccountEndpoints.LoginPath.TrimStart('/'), forceLoad: true);
            return;
        }
        _user = user;
        _displayName = user.DisplayName;
        _required = Security.Value.RequireTwoFactorForAdmins && await Users.IsInRoleAsync(user, Roles.Admin);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _enabled = await Users.GetTwoFactorEnabledAsync(_user);
        _recoveryCodesLeft = _enabled ? await Users.CountRecoveryCodesAsync(_user) : 0;
        if (_enabled)
            return;
        var key = await Users.GetAuthenticatorKeyAsync(_user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp: the cookie is renewed with it.
            await Users.ResetAuthenticatorKeyAsync(_user);
            await SignIn.RefreshSignInAsync(_user);
            key = await Users.GetAuthenticatorKeyAsync(_user) ?? "";
        }
        _sharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var label = Uri.EscapeDataString($"{Issuer}:{_user.UserName}");
        _authenticatorUri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6";
    }

    private async Task EnableAsync()
    {
        if (_enabled || !await CodeIsRightAsync())
            return;
        await Users.SetTwoFactorEnabledAsync(_user, true);
        _newCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(_user, RecoveryCodeCount))?.ToList();
        await SignIn.RefreshSignInAsync(_user);
        _enabled = true;
    }

    private async Task RegenerateAsync()
    {
        if (!_enabled || !await CodeIsRightAsync())
            return;
        _newCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(_user, RecoveryCodeCount))?.ToList();
    }

    private async Task DisableAsync()
    {
        if (!_enabled || _required || !await CodeIsRightAsync())
            return;
        await Users.SetTwoFactorEnabledAsync(_user, false);
        // The next time it is turned on, the authenticator gets a new key.
        await Users.ResetAuthenticatorKeyAsync(_user);
        await SignIn.RefreshSignInAsync(_user);
        await LoadAsync();
    }

    private async Task<bool> CodeIsRightAsync()
    {
        if (Throttle.TryCodeAttempt(_user.UserName ?? "", HttpContext.Connection.RemoteIpAddress) is { } wait)
        {
            _error = Localizer["SignInThrottled", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))];
            return false;
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (await Users.VerifyTwoFactorTokenAsync(_user, Users.Options.Tokens.AuthenticatorTokenProvider, code))
            return true;
        _error = Localizer["TwoFactorCodeWrong"];
        return false;
    }
}
