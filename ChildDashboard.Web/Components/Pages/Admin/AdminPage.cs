using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ChildDashboard.Web.Components.Pages.Admin;

// What every administration page needs first: the administrator's UserAccess (the page's policy
// already let them in; the services check it again for every change).
public abstract class AdminPage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private CatalogueCache Catalogues { get; set; } = null!;

    protected UserAccess? Access { get; private set; }

    protected Catalogue? Catalogue { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        Catalogue = await Catalogues.GetAsync();
        if (AuthenticationState is not null)
            Access = CurrentUser.Access((await AuthenticationState).User, Catalogue);
        if (Access is not null)
            await LoadAsync(Access);
    }

    protected abstract Task LoadAsync(UserAccess access);

    // After a change: the catalogue as it is now (names, targets, retirement), then the page's own data.
    protected async Task ReloadAsync()
    {
        Catalogue = await Catalogues.GetAsync();
        if (Access is not null)
            await LoadAsync(Access);
    }

    protected static string UnitName(OrgUnit unit) => $"{unit.Code} · {unit.Name(Language.IsVietnamese)}";

    protected static string Time(DateTime utc) =>
        new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(VietnamClock.Offset).ToString("g", System.Globalization.CultureInfo.CurrentCulture);
}
