using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Downloads;
using ChildDashboard.Web.Localization;
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
        // Today's provinces, then those that closed (the 63 before 1 July 2025): their values stay
        // stored under them, so a 2024 export of Hà Giang asks for Hà Giang, not for its successor.
        var provinces = _catalogue.Units.All.Where(u => u.Level == 2 && u.Id != _access.Scope.Id && _access.CanExport(u)).ToList();
        _units = [_access.Scope,
            .. provinces.Where(u => u.IsOpenOn(today)).OrderBy(u => u.Code, StringComparer.Ordinal),
            .. provinces.Where(u => u.ClosedDate < today).OrderBy(u => u.Code, StringComparer.Ordinal).ThenBy(u => u.OpeningDate)];
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
        return DownloadEndpoints.ValuesUrl([Reference(unit)], _periods, elements, _children, _format).TrimStart('/');
    }

    // A closed unit's code may belong to another unit today (15: Yên Bái, then the new Lào Cai): it
    // is named by code and opening date, as the API and the metadata write it.
    private static string Reference(OrgUnit unit) =>
        unit.ClosedDate is null ? unit.Code : new OrgUnitReference(unit.Code, unit.OpeningDate).ToString();

    // The same name before and after the merger (Tuyên Quang) is told apart by its dates.
    private string UnitLabel(OrgUnit unit)
    {
        var name = unit.Name(Language.IsVietnamese);
        if (unit.ClosedDate is { } closed)
            return L["ExportUnitUntil", name, Format.Date(closed)];
        return _catalogue is not null && _catalogue.Units.PredecessorsOf(unit).Any() ? L["ExportUnitSince", name, Format.Date(unit.OpeningDate)] : name;
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
