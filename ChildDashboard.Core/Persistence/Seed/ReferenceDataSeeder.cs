using ChildDashboard.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Persistence.Seed;

// Loads the national catalogue (units, programmes, data elements, indicators, targets, rules)
// from the embedded TSV files. Runs at every start: it inserts what is new and updates names and
// targets that changed, and never touches stored data values.
public sealed class ReferenceDataSeeder(TimeProvider time)
{
    // Returns the number of rows written (0 when the catalogue is already current). A step runs
    // only when one of its files changed since it was last applied.
    public async Task<int> SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var applied = await db.CatalogueFiles.ToDictionaryAsync(f => f.FileName, ct);
        var written = 0;
        async Task StepAsync(string[] files, Func<Task<int>> seed)
        {
            var hashes = files.ToDictionary(f => f, TsvTable.Sha256);
            if (hashes.All(h => applied.GetValueOrDefault(h.Key)?.Sha256 == h.Value))
                return;
            written += await seed();
            foreach (var (file, hash) in hashes)
            {
                if (!applied.TryGetValue(file, out var row))
                    db.CatalogueFiles.Add(applied[file] = row = new CatalogueFile { FileName = file, Sha256 = hash });
                row.Sha256 = hash;
                row.AppliedAtUtc = time.GetUtcNow().UtcDateTime;
            }
            await db.SaveChangesAsync(ct);
        }

        await StepAsync(["provinces.tsv"], () => SeedUnitsAsync(db, ct));
        await StepAsync(["programmes.tsv"], () => SeedProgrammesAsync(db, ct));
        await StepAsync(["data-elements.tsv", "disaggregations.tsv"], () => SeedDataElementsAsync(db, ct));
        await StepAsync(["indicators.tsv"], () => SeedIndicatorsAsync(db, ct));
        await StepAsync(["targets.tsv"], () => SeedTargetsAsync(db, ct));
        await StepAsync(["validation-rules.tsv", "validation-messages-vi.tsv"], () => SeedValidationRulesAsync(db, ct));
        return written;
    }

    private static async Task<int> SeedUnitsAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = TsvTable.Load("provinces.tsv").Rows;
        var existing = await db.OrgUnits.ToDictionaryAsync(u => (u.Code, u.OpeningDate), ct);
        var units = new List<OrgUnit>();
        foreach (var row in rows)
        {
            var opening = row.OptionalDate("opening_date") ?? throw new InvalidDataException($"Unit {row["code"]} has no opening date.");
            if (!existing.TryGetValue((row["code"], opening), out var unit))
            {
                unit = new OrgUnit { Code = row["code"], NameVi = row["name_vi"], NameEn = row["name_en"], OpeningDate = opening };
                db.OrgUnits.Add(unit);
            }
            unit.NameVi = row["name_vi"];
            unit.NameEn = row["name_en"];
            unit.Level = unit.Code == OrgUnit.NationCode ? 1 : 2;
            unit.ClosedDate = row.OptionalDate("closed_date");
            unit.RegionVi = row.Optional("region_vi");
            unit.RegionEn = row.Optional("region_en");
            unit.Latitude = row.OptionalDouble("lat");
            unit.Longitude = row.OptionalDouble("lon");
            units.Add(unit);
        }
        var written = await db.SaveChangesAsync(ct);

        // Parents and successors need the ids of the units just inserted.
        var directory = new OrgUnitDirectory(await db.OrgUnits.ToListAsync(ct));
        var nation = units.Single(u => u.Code == OrgUnit.NationCode);
        foreach (var (unit, row) in units.Zip(rows))
        {
            unit.ParentId = unit == nation ? null : nation.Id;
            unit.SuccessorId = row.Optional("successor_code") is { } successorCode && unit.ClosedDate is { } closed
                ? (directory.FindOpen(successorCode, closed.AddDays(1))
                    ?? throw new InvalidDataException($"Successor {successorCode} of unit {unit.Code} is not open on {closed.AddDays(1):yyyy-MM-dd}.")).Id
                : null;
        }
        return written + await db.SaveChangesAsync(ct);
    }

    private static async Task<int> SeedProgrammesAsync(AppDbContext db, CancellationToken ct)
    {
        var existing = await db.Programmes.ToDictionaryAsync(p => p.Code, ct);
        foreach (var row in TsvTable.Load("programmes.tsv").Rows)
        {
            var programme = existing.GetValueOrDefault(row["code"]);
            if (programme is null)
            {
                programme = new Programme { Code = row["code"], NameVi = "", NameEn = "", Decision = "" };
                db.Programmes.Add(programme);
            }
            programme.NameVi = row["name_vi"];
            programme.NameEn = row["name_en"];
            programme.Decision = row["decision"];
            programme.StartYear = row.OptionalInt("start_year") ?? 0;
            programme.EndYear = row.OptionalInt("end_year");
        }
        return await db.SaveChangesAsync(ct);
    }

    private static async Task<int> SeedDataElementsAsync(AppDbContext db, CancellationToken ct)
    {
        var options = await db.DisaggregationOptions.ToDictionaryAsync(o => (o.Disaggregation, o.OptionCode), ct);
        foreach (var row in TsvTable.Load("disaggregations.tsv").Rows)
        {
            var option = options.GetValueOrDefault((row["disaggregation"], row["option_code"]));
            if (option is null)
            {
                option = new DisaggregationOption { Disaggregation = row["disaggregation"], OptionCode = row["option_code"], NameVi = "", NameEn = "" };
                db.DisaggregationOptions.Add(option);
            }
            option.NameVi = row["name_vi"];
            option.NameEn = row["name_en"];
        }

        var elements = await db.DataElements.ToDictionaryAsync(e => e.Code, ct);
        foreach (var row in TsvTable.Load("data-elements.tsv").Rows)
        {
            var element = elements.GetValueOrDefault(row["code"]);
            if (element is null)
            {
                element = new DataElement { Code = row["code"], NameVi = "", NameEn = "" };
                db.DataElements.Add(element);
            }
            element.NameVi = row["name_vi"];
            element.NameEn = row["name_en"];
            element.PeriodType = Enum.Parse<PeriodType>(row["period_type"]);
            element.AggregationType = Enum.Parse<AggregationType>(row["aggregation"]);
            element.ValueType = Enum.Parse<ElementValueType>(row["value_type"]);
            element.Disaggregation = row["disaggregation"];
            element.DescriptionEn = row.Optional("description_en");
        }
        return await db.SaveChangesAsync(ct);
    }

    private static async Task<int> SeedIndicatorsAsync(AppDbContext db, CancellationToken ct)
    {
        var programmes = await db.Programmes.ToDictionaryAsync(p => p.Code, ct);
        var elements = await db.DataElements.ToDictionaryAsync(e => e.Code, ct);
        var options = await db.DisaggregationOptions.ToListAsync(ct);
        var existing = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        foreach (var row in TsvTable.Load("indicators.tsv").Rows)
        {
            var indicator = existing.GetValueOrDefault(row["code"]);
            if (indicator is null)
            {
                indicator = new Indicator { Code = row["code"], NameVi = "", NameEn = "", Numerator = "", Denominator = "", UnitVi = "", UnitEn = "" };
                db.Indicators.Add(indicator);
            }
            indicator.ProgrammeId = programmes[row["programme_code"]].Id;
            indicator.NameVi = row["name_vi"];
            indicator.NameEn = row["name_en"];
            indicator.Numerator = row["numerator"];
            indicator.Denominator = row["denominator"];
            indicator.Factor = row.OptionalDouble("factor") ?? 1;
            indicator.Direction = Enum.Parse<Direction>(row["direction"]);
            indicator.UnitVi = row["unit_vi"];
            indicator.UnitEn = row["unit_en"];
            indicator.Decimals = row.OptionalInt("decimals") ?? 0;
            indicator.Annualized = bool.Parse(row["annualized"]);
            CheckExpression(indicator.Code, indicator.Numerator, elements, options);
            CheckExpression(indicator.Code, indicator.Denominator, elements, options);
        }
        return await db.SaveChangesAsync(ct);
    }

    // An indicator may only name data elements (and options) that exist: the analytics rely on it.
    private static void CheckExpression(string indicator, string text, Dictionary<string, DataElement> elements, List<DisaggregationOption> options)
    {
        if (!Expression.TryParse(text, out var expression, out var error))
            throw new InvalidDataException($"Indicator {indicator}: {error}");
        foreach (var term in expression.Terms)
        {
            if (!elements.TryGetValue(term.ElementCode, out var element))
                throw new InvalidDataException($"Indicator {indicator} names the unknown data element {term.ElementCode}.");
            if (term.OptionCode is { } option && !options.Any(o => o.Disaggregation == element.Disaggregation && o.OptionCode == option))
                throw new InvalidDataException($"Indicator {indicator} names the option {option}, which {element.Code} does not have.");
        }
    }

    private async Task<int> SeedTargetsAsync(AppDbContext db, CancellationToken ct)
    {
        var today = VietnamClock.Today(time);
        var directory = new OrgUnitDirectory(await db.OrgUnits.AsNoTracking().ToListAsync(ct));
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, ct);
        var existing = await db.Targets.ToDictionaryAsync(t => (t.IndicatorId, t.OrgUnitId, t.TargetYear), ct);
        foreach (var row in TsvTable.Load("targets.tsv").Rows)
        {
            if (!OrgUnitReference.TryParse(row["orgunit"], out var reference, out var error))
                throw new InvalidDataException(error);
            var unit = directory.Find(reference, today)
                ?? throw new InvalidDataException($"Target unit {row["orgunit"]} is unknown.");
            var indicatorId = indicators[row["indicator"]].Id;
            var targetYear = row.OptionalInt("target_year") ?? throw new InvalidDataException("A target needs a target year.");
            var target = existing.GetValueOrDefault((indicatorId, unit.Id, targetYear));
            if (target is null)
            {
                target = new Target { IndicatorId = indicatorId, OrgUnitId = unit.Id, TargetYear = targetYear };
                db.Targets.Add(target);
            }
            target.BaselineYear = row.OptionalInt("baseline_year");
            target.BaselineValue = row.OptionalDouble("baseline_value");
            target.TargetValue = row.OptionalDouble("target_value") ?? throw new InvalidDataException("A target needs a value.");
            target.Source = row.Optional("source");
        }
        return await db.SaveChangesAsync(ct);
    }

    private static async Task<int> SeedValidationRulesAsync(AppDbContext db, CancellationToken ct)
    {
        var vietnamese = TsvTable.Load("validation-messages-vi.tsv").Rows.ToDictionary(r => r["code"], r => r["message_vi"]);
        var existing = await db.ValidationRules.ToDictionaryAsync(r => r.Code, ct);
        foreach (var row in TsvTable.Load("validation-rules.tsv").Rows)
        {
            var rule = existing.GetValueOrDefault(row["code"]);
            if (rule is null)
            {
                rule = new ValidationRule { Code = row["code"], Left = "", Operator = "", Right = "", MessageEn = "" };
                db.ValidationRules.Add(rule);
            }
            rule.Left = row["left"];
            rule.Operator = row["operator"];
            rule.Right = row["right"];
            rule.Severity = row["severity"] == "error" ? ValidationSeverity.Error : ValidationSeverity.Warning;
            rule.MessageEn = row["message_en"];
            rule.MessageVi = vietnamese.GetValueOrDefault(row["code"]);
        }
        return await db.SaveChangesAsync(ct);
    }
}
