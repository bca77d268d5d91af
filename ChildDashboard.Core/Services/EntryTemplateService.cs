using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services;

// Makes the entry template of a province for a quarter, for a user who may import its data: the
// form's expected cells (EntryFormCells), with the values stored so far and the previous period's.
public sealed class EntryTemplateService(IDbContextFactory<AppDbContext> factory, CatalogueCache catalogues, IOptions<ImportOptions>? options = null)
{
    // Read at each use: the settings page changes the limits without a restart.
    private ImportOptions ImportSettings => options?.Value ?? new ImportOptions();

    public sealed record Result(byte[]? Workbook, string FileName, string? Error, bool Forbidden = false);

    public async Task<Result> CreateAsync(UserAccess access, string unitCode, string quarterCode, CancellationToken ct = default)
    {
        if (!Period.TryParse(quarterCode, out var quarter, out _) || quarter.Type != PeriodType.Quarterly)
            return Failed(Language.Pick($"'{ImportConflict.Quote(quarterCode)}' không phải là một quý (ví dụ 2025Q3).", $"'{ImportConflict.Quote(quarterCode)}' is not a quarter (e.g. 2025Q3)."));
        var catalogue = await catalogues.GetAsync();
        var province = catalogue.Units.FindOpen(unitCode, quarter.Start);
        if (province is null || province.Level != 2)
            return Failed(Language.Pick($"Không có tỉnh, thành phố mã '{ImportConflict.Quote(unitCode)}' hoạt động vào ngày {quarter.Start:dd/MM/yyyy}.",
                $"No province with code '{ImportConflict.Quote(unitCode)}' was open on {quarter.Start:yyyy-MM-dd}."));
        if (!access.CanImportData(province))
            return new Result(null, "", Language.Pick("Bạn không được nhập số liệu cho đơn vị này.", "You may not import data for this unit."), Forbidden: true);

        var cells = EntryFormCells.For(catalogue, province, quarter);
        var previousQuarter = quarter.Index == 1 ? Period.ForQuarter(quarter.Year - 1, 4) : Period.ForQuarter(quarter.Year, quarter.Index - 1);
        string[] codes = [quarter.Code, previousQuarter.Code, Period.ForYear(quarter.Year).Code, Period.ForYear(quarter.Year - 1).Code];
        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = (await db.DataValues.AsNoTracking()
                .Where(v => v.OrgUnitId == province.Id && codes.Contains(v.Period))
                .Select(v => new { v.DataElementId, v.Period, v.OptionCode, v.Value, v.Comment })
                .ToListAsync(ct))
            .ToDictionary(v => (v.DataElementId, v.Period, v.OptionCode));
        var optionNames = catalogue.Options.ToDictionary(o => (o.Disaggregation, o.OptionCode), o => Language.Pick(o.NameVi, o.NameEn));

        var lines = cells.Select(c =>
        {
            var previous = c.Period.Type == PeriodType.Yearly ? Period.ForYear(c.Period.Year - 1) : previousQuarter;
            var current = stored.GetValueOrDefault((c.Element.Id, c.Period.Code, c.Option));
            return new EntryTemplateWriter.Line(c, optionNames.GetValueOrDefault((c.Element.Disaggregation, c.Option), c.Option),
                stored.GetValueOrDefault((c.Element.Id, previous.Code, c.Option))?.Value, current?.Value, current?.Comment);
        }).ToList();

        using var output = new MemoryStream();
        EntryTemplateWriter.Write(output, province, quarter, quarter.End.AddDays(15), lines, ImportSettings.MaxCount, ImportSettings.MaxMoney);
        return new Result(output.ToArray(), $"{Language.Pick("bieu-nhap", "entry-template")}-{province.Code}-{quarter.Code}.xlsx", null);
    }

    private static Result Failed(string error) => new(null, "", error);
}
