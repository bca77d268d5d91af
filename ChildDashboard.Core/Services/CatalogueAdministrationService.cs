using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChildDashboard.Core.Services;

// The catalogue page: programmes, data elements, indicators and validation rules. Names and
// descriptions (vi, en) change freely; an item can be retired from a date (hidden from forms,
// dashboards and checks for periods starting then or later) and restored. What changes numbers —
// an element's period type, aggregation, value type and disaggregation, an indicator's numerator,
// denominator, factor and annualization — changes only while no value of its elements is stored.
// Every change is audited, then the catalogue is read again and open pages redraw.
public sealed class CatalogueAdministrationService(
    IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, AdminAuditLog audit, DataChangeNotifier notifier, TimeProvider time)
{
    public const int NameLength = 300;
    public const int DescriptionLength = 2000;

    public sealed record Names(string NameVi, string NameEn, string? DescriptionVi = null, string? DescriptionEn = null);

    public sealed record ElementDefinition(PeriodType PeriodType, AggregationType AggregationType, ElementValueType ValueType, string Disaggregation);

    public sealed record IndicatorDefinition(string Numerator, string Denominator, double Factor, bool Annualized);

    public static readonly IReadOnlyList<double> Factors = [1, 100, 100_000];

    // One row of the page: an item of any kind, with whether stored values already depend on it.
    public sealed record Item(CatalogueKind Kind, int Id, string Code, string NameVi, string NameEn, string? DescriptionVi, string? DescriptionEn,
        DateOnly? RetiredFrom, bool HasData);

    public async Task<IReadOnlyList<Item>> ItemsAsync(CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var withData = await ElementsWithDataAsync(ct);
        bool Used(Indicator i) => i.ElementCodes().Any(code => catalogue.ElementsByCode.TryGetValue(code, out var e) && withData.Contains(e.Id));
        bool RuleUsed(ValidationRule r) => r.LeftCodes.Concat(r.RightCodes).Any(code => catalogue.ElementsByCode.TryGetValue(code, out var e) && withData.Contains(e.Id));
        return
        [
            .. catalogue.Programmes.Select(p => new Item(CatalogueKind.Programme, p.Id, p.Code, p.NameVi, p.NameEn, null, null, p.RetiredFrom,
                catalogue.Indicators.Any(i => i.ProgrammeId == p.Id && Used(i)))),
            .. catalogue.Elements.Select(e => new Item(CatalogueKind.DataElement, e.Id, e.Code, e.NameVi, e.NameEn, e.DescriptionVi, e.DescriptionEn, e.RetiredFrom,
                withData.Contains(e.Id))),
            .. catalogue.Indicators.Select(i => new Item(CatalogueKind.Indicator, i.Id, i.Code, i.NameVi, i.NameEn, null, null, i.RetiredFrom, Used(i))),
            .. catalogue.ValidationRules.Select(r => new Item(CatalogueKind.ValidationRule, r.Id, r.Code, r.MessageVi ?? r.MessageEn, r.MessageEn, null, null,
                r.RetiredFrom, RuleUsed(r))),
        ];
    }

    // The elements that hold at least one stored value: their definitions, and those of the
    // indicators that use them, are fixed.
    public async Task<IReadOnlySet<int>> ElementsWithDataAsync(CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        await using var db = await factory.CreateDbContextAsync(ct);
        var withData = new HashSet<int>();
        foreach (var element in catalogue.Elements)
        {
            if (await db.DataValues.AnyAsync(v => v.DataElementId == element.Id, ct))
                withData.Add(element.Id);
        }
        return withData;
    }

    public Task<AdminResult> RenameAsync(UserAccess actor, CatalogueKind kind, int id, Names names, CancellationToken ct = default)
    {
        var problems = Check(names, kind);
        if (problems.Count > 0)
            return Task.FromResult(new AdminResult(problems));
        return ChangeAsync(actor, kind, id, AdminAction.CatalogueChanged, item =>
        {
            var (nameVi, nameEn, descriptionVi, descriptionEn) = (names.NameVi.Trim(), names.NameEn.Trim(), Blank(names.DescriptionVi), Blank(names.DescriptionEn));
            switch (item)
            {
                case Programme p: (p.NameVi, p.NameEn) = (nameVi, nameEn); break;
                case Indicator i: (i.NameVi, i.NameEn) = (nameVi, nameEn); break;
                case DataElement e: (e.NameVi, e.NameEn, e.DescriptionVi, e.DescriptionEn) = (nameVi, nameEn, descriptionVi, descriptionEn); break;
                case ValidationRule r: (r.MessageVi, r.MessageEn) = (nameVi, nameEn); break;
            }
            return null;
        }, ct);
    }

    // From that day on (null: restored).
    public Task<AdminResult> RetireAsync(UserAccess actor, CatalogueKind kind, int id, DateOnly? from, CancellationToken ct = default) =>
        ChangeAsync(actor, kind, id, from is null ? AdminAction.CatalogueRestored : AdminAction.CatalogueRetired, item =>
        {
            switch (item)
            {
                case Programme p: p.RetiredFrom = from; break;
                case Indicator i: i.RetiredFrom = from; break;
                case DataElement e: e.RetiredFrom = from; break;
                case ValidationRule r: r.RetiredFrom = from; break;
            }
            return null;
        }, ct);

    public async Task<AdminResult> ChangeElementAsync(UserAccess actor, int id, ElementDefinition definition, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        if (definition.Disaggregation != DataElement.NoDisaggregation && catalogue.Options.All(o => o.Disaggregation != definition.Disaggregation))
            return AdminResult.Failed(Language.Pick($"Không có cách phân tổ '{definition.Disaggregation}'.", $"No disaggregation '{definition.Disaggregation}'."));
        if (!Enum.IsDefined(definition.PeriodType) || !Enum.IsDefined(definition.AggregationType) || !Enum.IsDefined(definition.ValueType))
            return AdminResult.Failed(Language.Pick("Định nghĩa không hợp lệ.", "Not a valid definition."));
        if ((await ElementsWithDataAsync(ct)).Contains(id))
            return AdminResult.Failed(Blocked(catalogue.ElementsById.TryGetValue(id, out var e) ? e.Code : ""));
        return await ChangeAsync(actor, CatalogueKind.DataElement, id, AdminAction.CatalogueChanged, item =>
        {
            var element = (DataElement)item;
            (element.PeriodType, element.AggregationType, element.ValueType, element.Disaggregation) =
                (definition.PeriodType, definition.AggregationType, definition.ValueType, definition.Disaggregation);
            return null;
        }, ct);
    }

    public async Task<AdminResult> ChangeIndicatorAsync(UserAccess actor, int id, IndicatorDefinition definition, CancellationToken ct = default)
    {
        var catalogue = await catalogues.GetAsync();
        var problems = new List<string>();
        foreach (var (text, label) in new[] { (definition.Numerator, Language.Pick("Tử số", "The numerator")), (definition.Denominator, Language.Pick("Mẫu số", "The denominator")) })
        {
            if (!Expression.TryParse(text, out var expression, out var error))
                problems.Add($"{label}: {error}");
            else if (expression.ElementCodes.FirstOrDefault(code => !catalogue.ElementsByCode.ContainsKey(code)) is { } unknown)
                problems.Add(Language.Pick($"{label}: không có phần tử dữ liệu '{unknown}'.", $"{label}: no data element '{unknown}'."));
        }
        if (!Factors.Contains(definition.Factor))
            problems.Add(Language.Pick("Hệ số phải là 1, 100 hoặc 100.000.", "The factor must be 1, 100 or 100,000."));
        if (problems.Count > 0)
            return new AdminResult(problems);
        if (!catalogue.Indicators.Any(i => i.Id == id))
            return AdminResult.Failed(NotFound());
        var indicator = catalogue.Indicators.First(i => i.Id == id);
        // Both the old and the new elements: the indicator's figures so far come from the old ones.
        var codes = indicator.ElementCodes()
            .Concat(Expression.Parse(definition.Numerator).ElementCodes).Concat(Expression.Parse(definition.Denominator).ElementCodes);
        var withData = await ElementsWithDataAsync(ct);
        if (codes.Any(code => catalogue.ElementsByCode.TryGetValue(code, out var e) && withData.Contains(e.Id)))
            return AdminResult.Failed(Blocked(indicator.Code));
        return await ChangeAsync(actor, CatalogueKind.Indicator, id, AdminAction.CatalogueChanged, item =>
        {
            var i = (Indicator)item;
            (i.Numerator, i.Denominator, i.Factor, i.Annualized) = (definition.Numerator.Trim(), definition.Denominator.Trim(), definition.Factor, definition.Annualized);
            return null;
        }, ct);
    }

    // Loads the item, applies the change, writes the audit row (the item's description before and after) with it.
    private async Task<AdminResult> ChangeAsync(UserAccess actor, CatalogueKind kind, int id, AdminAction action, Func<object, string?> change, CancellationToken ct)
    {
        if (!actor.CanAdministerSystem)
            return AdminResult.Failed(Language.Pick("Chỉ quản trị viên cấp quốc gia được sửa danh mục.", "Only national administrators may change the catalogue."));
        await using var db = await factory.CreateDbContextAsync(ct);
        object? item = kind switch
        {
            CatalogueKind.Programme => await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, ct),
            CatalogueKind.DataElement => await db.DataElements.SingleOrDefaultAsync(e => e.Id == id, ct),
            CatalogueKind.Indicator => await db.Indicators.SingleOrDefaultAsync(i => i.Id == id, ct),
            _ => await db.ValidationRules.SingleOrDefaultAsync(r => r.Id == id, ct),
        };
        if (item is null)
            return AdminResult.Failed(NotFound());
        var before = CatalogueText.Describe(item);
        if (change(item) is { } refused)
            return AdminResult.Failed(refused);
        var after = CatalogueText.Describe(item);
        if (before == after)
            return AdminResult.Success;
        audit.Add(db, actor, action, $"{kind} {CatalogueText.Code(item)}", null, before, after);
        await db.SaveChangesAsync(ct);
        catalogues.Invalidate();
        // Redraws every page that shows an indicator (names, retirement); other servers read the catalogue again.
        var catalogue = await catalogues.GetAsync();
        notifier.Publish(ChangeSet.ForTargets(catalogue.Indicators.Select(i => i.Id), [], actor.UserName, time.GetUtcNow()));
        return AdminResult.Success;
    }

    private static List<string> Check(Names names, CatalogueKind kind)
    {
        var problems = new List<string>();
        if (names.NameVi.Trim().Length is 0 or > NameLength || names.NameEn.Trim().Length is 0 or > NameLength)
            problems.Add(kind == CatalogueKind.ValidationRule
                ? Language.Pick($"Cần thông báo tiếng Việt và tiếng Anh, mỗi thông báo tối đa {NameLength} ký tự.", $"Both messages (Vietnamese and English) are required, at most {NameLength} characters each.")
                : Language.Pick($"Cần tên tiếng Việt và tiếng Anh, mỗi tên tối đa {NameLength} ký tự.", $"Both names (Vietnamese and English) are required, at most {NameLength} characters each."));
        if ((names.DescriptionVi?.Length ?? 0) > DescriptionLength || (names.DescriptionEn?.Length ?? 0) > DescriptionLength)
            problems.Add(Language.Pick($"Mô tả tối đa {DescriptionLength} ký tự.", $"A description takes at most {DescriptionLength} characters."));
        if (new[] { names.NameVi, names.NameEn }.Any(n => n.Any(char.IsControl)))
            problems.Add(Language.Pick("Tên không được chứa ký tự điều khiển.", "A name may not hold control characters."));
        return problems;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Blocked(string code) => Language.Pick(
        $"{code} đã có số liệu: không thể đổi định nghĩa làm thay đổi con số (tử số, mẫu số, hệ số, cách cộng dồn, kiểu giá trị, phân tổ). Hãy cho ngừng sử dụng mục này và tạo mục mới.",
        $"{code} already has data: a definition that changes its numbers (numerator, denominator, factor, aggregation, value type, disaggregation) cannot change. Retire it and create a new one instead.");

    private static string NotFound() => Language.Pick("Không có mục này trong danh mục.", "No such catalogue item.");
}

public enum CatalogueKind
{
    Programme,
    DataElement,
    Indicator,
    ValidationRule,
}
