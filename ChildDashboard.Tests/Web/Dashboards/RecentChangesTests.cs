using Bunit;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Components.Pages.Dashboards;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Dashboards;

// "What changed" on an open overview: the write's figures, the comment it carried and the status it moved.
public class RecentChangesTests : DemoDashboardContext
{
    [Fact]
    public async Task WhatChangedSaysWhichStatusAWriteMovedAndTheCommentItCarried()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?unit=01");
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Equal(39, page.FindAll("tr.ind-row").Count));
        var before = Enum.Parse<IndicatorStatus>(page.Find("tr.ind-row[data-indicator=CP03] .status-chip").GetAttribute("data-status")!);
        // CP03 = supported ÷ total children in special circumstances, a stock: 2026Q3's figures decide 2026.
        var share = before == IndicatorStatus.OffTrack ? 1.0 : 0.0;
        var after = before == IndicatorStatus.OffTrack ? IndicatorStatus.Achieved : IndicatorStatus.OffTrack;

        await WriteAsync("01", "2026Q3", [("CSC_TOTAL", 1000), ("CSC_SUPPORTED", 1000 * share)], "Số liệu đã rà soát với cấp xã.");

        page.WaitForAssertion(() => Assert.Equal(after.ToString(), page.Find("tr.ind-row[data-indicator=CP03] .status-chip").GetAttribute("data-status")));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=recent-changes] [data-testid=status-change]")));
        var batch = page.Find("[data-testid=recent-changes] .recent-batch");
        Assert.Contains("nhaplieu.hanoi", batch.TextContent);
        var status = batch.QuerySelector("[data-testid=status-change][data-indicator=CP03]")!;
        Assert.Equal([before.ToString(), after.ToString()], status.QuerySelectorAll(".status-chip").Select(c => c.GetAttribute("data-status")));
        Assert.Contains("Tình trạng thay đổi", status.TextContent);
        Assert.Equal("indicators/CP03", status.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("“Số liệu đã rà soát với cấp xã.”", batch.QuerySelector("[data-testid=recent-comment]")!.TextContent);
    }

    // What a form save does: the values and their audit rows in one batch, the analytics store, and
    // the change set stamped with the batch's moment.
    private async Task WriteAsync(string unitCode, string period, (string Element, double Value)[] values, string comment)
    {
        var catalogue = await Services.GetRequiredService<CatalogueCache>().GetAsync();
        var p = Period.Parse(period);
        var unit = catalogue.Units.FindOpen(unitCode, p.Start)!;
        var at = Database.Time.GetUtcNow();
        var stored = new List<StoredValue>();
        await using (var db = Database.CreateDbContext())
        {
            var batch = new AuditBatch { ChangedBy = "nhaplieu.hanoi", ChangedAtUtc = at.UtcDateTime, Reason = "form" };
            db.AuditBatches.Add(batch);
            await db.SaveChangesAsync();
            foreach (var (code, value) in values)
            {
                var element = catalogue.ElementsByCode[code];
                foreach (var option in new[] { "MALE", "FEMALE" })
                {
                    var row = await db.DataValues.SingleOrDefaultAsync(v => v.DataElementId == element.Id && v.OrgUnitId == unit.Id && v.Period == period && v.OptionCode == option);
                    var old = row?.Value;
                    if (row is null)
                        db.DataValues.Add(row = new DataValue { DataElementId = element.Id, OrgUnitId = unit.Id, Period = period, OptionCode = option });
                    row.Value = value / 2;
                    row.Comment = comment;
                    row.LastUpdatedUtc = at.UtcDateTime;
                    db.DataValueAudits.Add(new DataValueAudit
                    {
                        BatchId = batch.Id, DataElementId = element.Id, OrgUnitId = unit.Id, Period = period, OptionCode = option,
                        Action = old is null ? AuditAction.Create : AuditAction.Update, OldValue = old, NewValue = value / 2, Comment = comment,
                    });
                    stored.Add(new StoredValue(element.Id, unit.Id, p, option, value / 2));
                }
            }
            await db.SaveChangesAsync();
        }
        Services.GetRequiredService<ValueStore>().Apply(stored);
        Services.GetRequiredService<DataChangeNotifier>().Publish(ChangeSet.ForValues(
            catalogue.Units, stored.Select(s => (s.ElementId, s.UnitId, s.Period)), "nhaplieu.hanoi", at));
    }
}
