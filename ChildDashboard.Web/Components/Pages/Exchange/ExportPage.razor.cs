using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Downloads;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ChildDashboard.Web.Components.Pages.Exchange;

// Choices for the downloads; the files themselves come from DownloadEndpoints, streamed.
public partial class ExportPage
{
    private const string AllProgrammes = "";
    private const int YearChoices = 6;
    private const int QuarterChoices = 8;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private CatalogueCache Catalogues { get; set; } = null!;

    [Inject]
    private FormService Forms { get; set; } = null!;

    private UserAccess? _access;
    private Catalogue? _catalogue;
    private OrgUnit? _unit;
    private IReadOnlyList<OrgUnit> _units = [];
    private IReadOnlyList<Programme> _programmes = [];
    private IReadOnlyList<Period> _periodChoices = [];
    private IReadOnlyList<OrgUnit> _provinces = [];
    private IReadOnlyList<Period> _quarters = [];
    private int _unitId;
    private IReadOnlyCollection<string> _periods = [];
    private string _programme = AllProgrammes;
    private bool _children = true;
    private string _format = "csv";
    private int _provinceId;
    private string _quarter = "";

    protected override async Task OnInitializedAsync()
    {
        _catalogue = await Catalogues.GetAsync();
        if (AuthenticationState is not null)
            _access = CurrentUser.Access((await AuthenticationState).User, _catalogue);
        if (_access is null)
            return;
        var latest = Forms.LatestDueQuarter();
        var today = latest.End.AddDays(1);
        _unit = _access.Scope;
        _units = [_access.Scope, .. _catalogue.Units.OpenOn(today, 2).Where(u => u.Id != _access.Scope.Id && _access.CanExport(u)).OrderBy(u => u.Code, StringComparer.Ordinal)];
        _unitId = _unit.Id;
        _programmes = _catalogue.Programmes;
        _quarters = Enumerable.Range(0, QuarterChoices).Select(back => Back(latest, back)).ToList();
        _periodChoices = [.. Enumerable.Range(0, YearChoices).Select(back => Period.ForYear(latest.Year - back)), .. _quarters];
        _periods = [Period.ForYear(latest.Year).Code];
        _quarter = latest.Code;
        _provinces = await Forms.ProvincesAsync(_access, latest);
        _provinces = _provinces.Where(_access.CanImportData).ToList();
        _provinceId = (_provinces.FirstOrDefault(p => p.Id == _access.Scope.Id) ?? _provinces.FirstOrDefault())?.Id ?? 0;
    }

    private string ValuesUrl()
    {
        var catalogue = _catalogue ?? throw new InvalidOperationException("Not loaded.");
        var unit = _units.FirstOrDefault(u => u.Id == _unitId) ?? _unit ?? throw new InvalidOperationException("Not loaded.");
        var elements = _programme == AllProgrammes
            ? []
            : catalogue.Indicators.Where(i => i.ProgrammeId == catalogue.Programmes.First(p => p.Code == _programme).Id)
                .SelectMany(i => i.ElementCodes()).Distinct().Order(StringComparer.Ordinal).ToList();
        return DownloadEndpoints.ValuesUrl([unit.Code], _periods, elements, _children, _format).TrimStart('/');
    }

    private string TemplateUrl()
    {
        var province = _provinces.FirstOrDefault(p => p.Id == _provinceId) ?? _provinces[0];
        return DownloadEndpoints.TemplateUrl(province, Period.Parse(_quarter)).TrimStart('/');
    }

    private string PeriodLabel(string? code) => !Period.TryParse(code, out var period, out _)
        ? code ?? ""
        : period.Type == PeriodType.Quarterly ? L["EntryQuarterName", period.Index, period.Year] : L["ExportYear", period.Year];

    private static Period Back(Period quarter, int back)
    {
        var index = quarter.Year * 4 + quarter.Index - 1 - back;
        return Period.ForQuarter(index / 4, index % 4 + 1);
    }
}
