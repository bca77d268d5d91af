using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Persistence.Seed;

// Synthetic but plausible figures for every province and data element (about 25 M children).
// Each pre-2025 province is modelled on its own; a merged province's values are the sums of its
// predecessors', so the series stay comparable across the 2025 merger. Performance differs by
// province, so some are on track and others are not.
internal sealed class DemoDataModel(OrgUnitDirectory units, Period firstQuarter, Period lastQuarter)
{
    private const double NationalChildren2016 = 24_500_000;
    private static readonly DateOnly MergerDate = new(2025, 7, 1);
    private static readonly Dictionary<string, double> LargeProvinces = new()
    {
        ["01"] = 6.0, ["79"] = 5.5, ["38"] = 3.6, ["40"] = 3.4, ["27"] = 1.9, ["75"] = 2.4, ["31"] = 1.9, ["89"] = 2.0,
    };
    // Share of a year-to-date stock reached at the end of each quarter.
    private static readonly double[] YearToDate = [0.55, 0.72, 0.86, 1.0];
    private static readonly double[] Disasters = [0.2, 0.4, 2.0, 1.4];
    private static readonly double[] Summer = [0.6, 1.3, 1.5, 0.6];
    // Yearly elements known at the start of a year (estimates and allocations).
    private static readonly HashSet<string> KnownAtYearStart = ["POP_U16", "POP_U5", "POP_7_15", "COMMUNES", "BUDGET_ALLOC"];

    private readonly OrgUnit[] _provinces = units.OpenOn(firstQuarter.Start, 2).ToArray();
    private Dictionary<string, double>? _basePopulation;

    public IEnumerable<DemoValue> Values(IEnumerable<DataElement> elements)
    {
        var list = elements.ToList();
        var quarterly = list.Where(e => e.PeriodType == PeriodType.Quarterly).ToList();
        var yearly = list.Where(e => e.PeriodType == PeriodType.Yearly).ToList();

        for (var quarter = firstQuarter; quarter.CompareTo(lastQuarter) <= 0; quarter = quarter.Next())
        {
            foreach (var group in _provinces.GroupBy(p => StoringUnit(p, quarter.Start)))
            {
                if (IsMissingReport(group.Key, quarter))
                    continue;
                foreach (var element in quarterly)
                {
                    foreach (var value in Sum(group.Key, element, quarter, group))
                        yield return value;
                }
            }
        }

        for (var year = firstQuarter.Year; year <= lastQuarter.Year; year++)
        {
            var period = Period.ForYear(year);
            var complete = period.End <= lastQuarter.End;
            foreach (var group in _provinces.GroupBy(p => StoringUnit(p, period.Start)))
            {
                foreach (var element in yearly.Where(e => complete || KnownAtYearStart.Contains(e.Code)))
                {
                    foreach (var value in Sum(group.Key, element, period, group))
                        yield return value;
                }
            }
        }
    }

    // A few province-quarters never reported, and some provinces have not yet reported the last quarter.
    public bool IsMissingReport(OrgUnit unit, Period quarter) =>
        StableRandom.Next($"missing|{unit.Code}|{quarter.Code}") < (quarter == lastQuarter ? 0.12 : 0.012);

    private static OrgUnit StoringUnit(OrgUnit province, DateOnly date) =>
        province.IsOpenOn(date) || province.Successor is null ? province : province.Successor;

    private IEnumerable<DemoValue> Sum(OrgUnit unit, DataElement element, Period period, IEnumerable<OrgUnit> provinces)
    {
        var total = provinces.Sum(p => Math.Max(0, Math.Round(Annual(p, element.Code, period))));
        if (!element.IsDisaggregated)
        {
            yield return new DemoValue(element.Code, unit, period, DisaggregationOption.DefaultCode, total);
            yield break;
        }
        var maleShare = 0.5 + 0.04 * StableRandom.Next($"sex|{unit.Code}|{element.Code}|{period.Code}");
        var male = Math.Round(total * maleShare);
        yield return new DemoValue(element.Code, unit, period, "MALE", male);
        yield return new DemoValue(element.Code, unit, period, "FEMALE", total - male);
    }

    // The value of one element for one pre-merger province and period.
    private double Annual(OrgUnit p, string code, Period period)
    {
        var year = period.Year;
        var t = year - 2016 + (period.Type == PeriodType.Quarterly ? (period.Index - 1) / 4.0 : 0);
        var q = period.Type == PeriodType.Quarterly ? period.Index - 1 : 3;
        var perf = StableRandom.Next($"perf|{p.Code}");
        var pace = 0.3 + 1.4 * perf;
        var noise = 0.9 + 0.2 * StableRandom.Next($"{p.Code}|{code}|{period.Code}");
        var pop = Population(p, year);
        var communes = Communes(p, year);
        double Flow(double perYear, double[]? season = null) => perYear / 4 * (season?[q] ?? 1) * noise;

        return code switch
        {
            "POP_U16" => pop,
            "POP_U5" => pop * 0.31,
            "POP_7_15" => pop * 0.57,
            "COMMUNES" => communes,
            "BIRTH_REG_U5" => Math.Floor(pop * 0.31 * Math.Min(0.999, 0.955 + 0.0045 * t * (0.5 + perf))),
            "CSC_TOTAL" => CscTotal(pop, t, pace),
            "CSC_SUPPORTED" => Math.Floor(CscTotal(pop, t, pace) * Math.Min(0.985, 0.855 + 0.006 * t * pace) * YearToDate[q]),
            "ABUSE_CHILDREN" => Flow(pop * 9e-5),
            "ABUSE_CASES" => Math.Floor(Flow(pop * 9e-5) * 0.85),
            "ABUSE_SUPPORTED" => Math.Floor(Math.Round(Annual(p, "ABUSE_CHILDREN", period)) * (0.8 + 0.19 * perf)),
            "ABANDONED" => Flow(pop * 1.2e-5),
            "TRAFFICKED" => Flow(pop * 0.5e-5),
            "CHILD_MARRIAGES" => Flow(pop * 6e-5 * (1 - 0.04 * t)),
            "DISASTER_CHILDREN" => Flow(pop * 4e-3, Disasters),
            "DISASTER_RELIEVED" => Math.Floor(Math.Round(Annual(p, "DISASTER_CHILDREN", period)) * (0.88 + 0.12 * perf)),
            "PLAY_COMMUNES" => Math.Floor(communes * Math.Min(0.9, 0.22 + 0.022 * t * pace)),
            "CL_IDENTIFIED" => Flow(pop * 3.5e-4 * (1 - 0.04 * t)),
            "CL_AT_RISK" => Flow(pop * 6e-4),
            "CL_SUPPORTED" => Math.Floor(ChildLabour(p, period) * (0.85 + 0.15 * perf)),
            "CL_EDUCATION" => Math.Floor(ChildLabour(p, period) * (0.7 + 0.25 * perf)),
            "INJ_CASES" => Flow(pop * (1010 - 60 * t * (0.4 + 0.9 * perf)) / 1e5),
            "INJ_DEATHS" => InjuryDeaths(p.Code, period, pop, t, perf),
            "DROWN_DEATHS" => Math.Floor(InjuryDeaths(p.Code, period, pop, t, perf) * 0.45 * Summer[q]),
            "ROAD_CASUALTIES" => Flow(pop * 0.12 * (1010 - 60 * t) / 1e5),
            "SAFE_HOMES" => pop * 0.22 * (1 + 0.04 * t),
            "SAFE_SCHOOLS" => Communes(p, 2016) * (0.9 + 0.03 * t),
            "SAFE_COMMUNES" => Communes(p, 2016) * 0.03 * (1 + 0.05 * t),
            "SWIM_TRAINED" => Flow(pop * 0.012, Summer),
            "CFC_COMMUNES" => Math.Floor(communes * Math.Min(0.95, 0.5 + 0.02 * t * pace)),
            "CONSULTED_7_15" => Math.Floor(pop * 0.57 * Math.Min(0.6, 0.16 + 0.018 * t * pace)),
            "FORUMS" => 2 + Math.Round(pop / 100_000 * noise),
            "FORUM_CHILDREN" => Flow(pop * 0.003),
            "PART_MODELS" => 4 + Math.Round(pop / 40_000 * (1 + 0.05 * t)),
            "HIV_MANAGED" => pop * 1.1e-4,
            "HIV_SERVED" => Math.Floor(Math.Round(pop * 1.1e-4) * Math.Min(0.99, 0.8 + 0.012 * t * pace) * YearToDate[q]),
            "HEART_SURGERY" => Flow(pop * 2.4e-5),
            "LAW_COMM_EVENTS" => Math.Round(Flow(6 + pop / 25_000 * (1 + 0.06 * t * pace))),
            "INSPECTIONS" => Inspections(p, period, pop, t, pace),
            "INSPECTIONS_COMMUNE" => Math.Floor(Inspections(p, period, pop, t, pace) * Math.Min(0.8, 0.3 + 0.03 * t * pace)),
            "SERVICE_PROVIDERS" => 3 + Math.Round(pop / 60_000),
            "SERVICE_PROVIDERS_REVIEWED" => Math.Floor((3 + Math.Round(pop / 60_000)) * Math.Min(1, 0.55 + 0.05 * t * pace)),
            "COORD_COMMUNES" => Math.Floor(communes * Math.Min(0.98, 0.35 + 0.05 * t * pace)),
            "BUDGET_ALLOC" => Budget(pop, t),
            "BUDGET_SPENT" => Math.Round(Budget(pop, t) * (0.78 + 0.2 * noise / 1.1) / 1e6) * 1e6,
            "BUDGET_PRIORITY" => Math.Round(Budget(pop, t) * 0.78 * (0.35 + 0.25 * perf) / 1e6) * 1e6,
            _ => 0,
        };
    }

    private double Population(OrgUnit province, int year)
    {
        _basePopulation ??= BasePopulations();
        return Math.Round(_basePopulation[province.Code] * Math.Pow(1.004, year - 2016));
    }

    private Dictionary<string, double> BasePopulations()
    {
        var weights = _provinces.ToDictionary(
            p => p.Code,
            p => LargeProvinces.GetValueOrDefault(p.Code, 0.4 + 1.6 * StableRandom.Next($"weight|{p.Code}")));
        var total = weights.Values.Sum();
        return weights.ToDictionary(w => w.Key, w => w.Value / total * NationalChildren2016);
    }

    // Communes, wards and towns at the end of the year: about 10,400, then 3,321 after the 2025 reform.
    private double Communes(OrgUnit province, int year)
    {
        var before = Math.Max(60, Math.Round(Population(province, 2016) / 2350));
        return year >= MergerDate.Year ? Math.Round(before * 0.32) : before;
    }

    private static double CscTotal(double pop, double t, double pace) => pop * (0.0745 - 0.0011 * t * pace);

    private double ChildLabour(OrgUnit p, Period period) =>
        Math.Round(Annual(p, "CL_IDENTIFIED", period)) + Math.Round(Annual(p, "CL_AT_RISK", period));

    private static double InjuryDeaths(string code, Period period, double pop, double t, double perf) =>
        Math.Round(pop * (20 - 0.5 * t * (0.4 + 0.9 * perf)) / 1e5 / 4 * (0.9 + 0.2 * StableRandom.Next($"{code}|INJ_DEATHS|{period.Code}")));

    private static double Inspections(OrgUnit p, Period period, double pop, double t, double pace) =>
        Math.Round((2 + pop / 90_000 * (1 + 0.04 * t * pace)) / 4
            * (0.9 + 0.2 * StableRandom.Next($"{p.Code}|INSPECTIONS|{period.Code}")));

    private static double Budget(double pop, double t) => Math.Round(pop * 38_000 * (1 + 0.05 * t) / 1e6) * 1e6;
}
