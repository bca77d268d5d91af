using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Dashboards;
using ChildDashboard.Web.Components.Dashboards;
using ChildDashboard.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace ChildDashboard.Web.Components.Pages.Dashboards;

// /indicators/{code}?unit=&period=&colour=: one indicator for the user's scope (a national user
// picks any unit); the service refuses a unit outside the scope whatever the URL says. Reloads
// when a change set touches the indicator in the unit (any year: the trend and forecast read them all).
public partial class IndicatorPage : IDisposable
{
    [Inject] private CatalogueCache Catalogues { get; set; } = default!;
    [Inject] private IndicatorPageService Indicators { get; set; } = default!;
    [Inject] private DashboardService Dashboards { get; set; } = default!;
    [Inject] private DataChangeNotifier Notifier { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter]
    public string Code { get; set; } = "";

    [SupplyParameterFromQuery(Name = "unit")]
    public string? UnitCode { get; set; }

    [SupplyParameterFromQuery(Name = "period")]
    public string? PeriodCode { get; set; }

    [SupplyParameterFromQuery(Name = "colour")]
    public string? ColourCode { get; set; }

    private DashboardPageContext? _context;
    private IndicatorDetails? _details;
    private ProvinceComparison? _comparison;
    private string? _comparisonNote;
    private string? _error;
    private bool _notFound;
    private MapColouring _colouring;
    private IDisposable? _subscription;

    protected override async Task OnParametersSetAsync()
    {
        _context ??= await DashboardPageContext.CreateAsync(AuthenticationState, Catalogues, Time);
        if (_context is null)
            return;
        _subscription ??= Notifier.Subscribe(OnChangedAsync);
        _colouring = Enum.TryParse<MapColouring>(ColourCode, ignoreCase: true, out var colouring) ? colouring : MapColouring.Status;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var context = _context!;
        var unit = UnitCode is null ? context.Access.Scope : context.FindUnit(UnitCode);
        var period = Period.TryParse(PeriodCode, out var p) ? p : Dashboards.DefaultPeriod();
        (_error, _notFound, _comparison, _comparisonNote) = (null, false, null, null);
        if (unit is null)
        {
            _error = L["DashUnknownUnit", UnitCode ?? ""];
            return;
        }
        try
        {
            _details = await Indicators.GetAsync(Code, unit, period, context.Access);
            _notFound = _details is null;
            if (_details is null)
                return;
            if (context.Access.IsNational)
                _comparison = await Indicators.CompareProvincesAsync(Code, period, context.Access);
            else
                _comparisonNote = L["IndicatorProvincesNationalOnly", context.Access.Scope.Name(Language.IsVietnamese)];
        }
        catch (DashboardScopeException e)
        {
            _details = null;
            _error = e.Message;
        }
    }

    private Task OnChangedAsync(ChangeSet changes)
    {
        if (_details is not { } shown || !changes.TouchesUnit(shown.Unit.Id) && _comparison is null)
            return Task.CompletedTask;
        var elements = _context!.Catalogue.ElementsByCode;
        if (!changes.TouchesIndicator(shown.Indicator, elements))
            return Task.CompletedTask;
        return InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    // The nation and the provinces of the period shown (63 before 1 July 2025, 34 from it).
    private IEnumerable<OrgUnit> UnitChoices()
    {
        var context = _context!;
        var period = _details!.Period;
        var date = period.End < context.Today ? period.End : context.Today;
        var names = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false);
        return context.Catalogue.Units.OpenOn(date, 2).OrderBy(u => u.NameVi, names)
            .Prepend(context.Catalogue.Units.Root!).Append(_details.Unit).DistinctBy(u => u.Id);
    }

    private string ProvinceHref(OrgUnit unit) => "provinces/" + _context!.UrlCode(unit);

    private string IndicatorHref(OrgUnit unit, Period period) =>
        $"indicators/{Uri.EscapeDataString(Code)}?unit={Uri.EscapeDataString(_context!.UrlCode(unit))}&period={period.Code}";

    private void UnitChanged(string code) => Go(("unit", code));

    private void PeriodChanged(Period period) => Go(("period", period.Code));

    private void ColouringChanged(MapColouring colouring) => Go(("colour", colouring.ToString().ToLowerInvariant()));

    private void Go((string Name, string Value) change) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(change.Name, change.Value));

    public void Dispose() => _subscription?.Dispose();
}
