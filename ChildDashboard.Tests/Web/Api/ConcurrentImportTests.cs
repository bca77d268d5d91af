using System.Net;
using System.Text;
using System.Text.Json;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Api;

// Imports sent at the same moment through the API: each is all or nothing, they do not interleave,
// the audit trail chains every change to the one before it, and the analytics' in-memory values
// agree with the database afterwards.
public class ConcurrentImportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Header = "dataelement,period,orgunit,categoryoptioncombo,value\n";
    private static readonly string[] Quarters = [.. Enumerable.Range(2016, 9).SelectMany(y => Enumerable.Range(1, 4).Select(q => $"{y}Q{q}"))];

    private static StringContent Csv(string unit, int value, string? badRow = null) => new(
        Header + string.Concat(Quarters.SelectMany(q => new[] { "MALE", "FEMALE" }.Select(o => $"HEART_SURGERY,{q},{unit},{o},{value}\n"))) + badRow,
        Encoding.UTF8, "text/csv");

    [Fact]
    public async Task ImportsAtTheSameMomentAreEachWholeAndTheLastOneWinsEveryKey()
    {
        var client = factory.ClientFor("analyst");
        string[] ownUnits = ["01", "31", "48", "92", "26", "33"];
        var sends = new List<Task<HttpResponseMessage>>();
        sends.AddRange(ownUnits.Select((unit, i) => client.PostAsync("/api/v1/dataValueSets", Csv(unit, 10 + i))));
        sends.AddRange(Enumerable.Range(1, 4).Select(value => client.PostAsync("/api/v1/dataValueSets", Csv("38", value))));
        sends.AddRange(Enumerable.Range(1, 2).Select(_ => client.PostAsync("/api/v1/dataValueSets", Csv("38", 99, "HEART_SURGERY,2016Q1,38,OTHER,1\n"))));

        var answers = await Task.WhenAll(sends);

        Assert.All(answers.Take(10), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers.Skip(10), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var thanhHoa = await db.OrgUnits.SingleAsync(u => u.Code == "38");
        var shared = await db.DataValues.Where(v => v.OrgUnitId == thanhHoa.Id).ToListAsync();
        Assert.Equal(Quarters.Length * 2, shared.Count);
        // Every key holds the value of the same import, never a mix, and never the refused 99.
        var winner = Assert.Single(shared.Select(v => v.Value).Distinct());
        Assert.InRange(winner, 1, 4);
        foreach (var unit in ownUnits)
        {
            var ids = await db.OrgUnits.Where(u => u.Code == unit).Select(u => u.Id).ToListAsync();
            Assert.Equal(Quarters.Length * 2, await db.DataValues.CountAsync(v => ids.Contains(v.OrgUnitId)));
        }

        // One creation and three updates per key, each update's old value the previous new value.
        var audits = await db.DataValueAudits.Where(a => a.OrgUnitId == thanhHoa.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(Quarters.Length * 2 * 4, audits.Count);
        foreach (var history in audits.GroupBy(a => (a.Period, a.OptionCode)))
        {
            double? previous = null;
            foreach (var change in history)
            {
                Assert.Equal(previous, change.OldValue);
                previous = change.NewValue;
            }
            Assert.Equal(winner, previous);
        }
        // All changes of one import share one batch: the four imports' batches do not interleave.
        Assert.Equal(4, audits.Select(a => a.BatchId).Distinct().Count());
        Assert.True(audits.Select(a => a.BatchId).Zip(audits.Skip(1).Select(a => a.BatchId)).All(p => p.First <= p.Second));

        var analytics = JsonDocument.Parse(await client.GetStringAsync("/api/v1/analytics?indicator=HRT01&orgUnit=38&period=2020")).RootElement;
        Assert.Equal(8 * winner, analytics.GetProperty("rows")[0].GetProperty("value").GetDouble());
    }
}
