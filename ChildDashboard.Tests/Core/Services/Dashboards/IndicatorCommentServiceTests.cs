using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Core.Services.Dashboards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Services.Dashboards;

// Comments on indicators that are behind, and the comments stored with values: who reads them,
// who writes them (the same rule as every page: UserAccess with the merger history).
public sealed class IndicatorCommentServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestDatabase.Today.Date);
    private static readonly Period Year = Period.ForYear(2026);
    private TestDatabase? _database;
    private Catalogue? _catalogue;
    private IndicatorCommentService? _service;

    private IndicatorCommentService Service => _service!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var catalogues = new CatalogueCache(_database);
        _catalogue = await catalogues.GetAsync();
        _service = new IndicatorCommentService(_database, catalogues, _database.Time, NullLogger<IndicatorCommentService>.Instance);
    }

    private OrgUnit Unit(string reference) =>
        OrgUnitReference.TryParse(reference, out var parsed, out _) ? _catalogue!.Units.Find(parsed, Today)! : throw new ArgumentException(reference);

    private UserAccess Access(string scope, string role) => new(role.ToLowerInvariant() + "." + scope, [role], Unit(scope), _catalogue!.Units);

    [Fact]
    public async Task StaffAndLeadersOfTheProvinceWriteAndEveryoneWhoMayReadItReads()
    {
        var laoCai = Unit("15");

        await Service.AddAsync(Access("15", Roles.DataEntry), laoCai, "CP03", Period.ForQuarter(2026, 3), CommentKind.Behind, "  Thiếu cán bộ ở cấp xã.  ");
        _database!.Time.Advance(TimeSpan.FromMinutes(5));
        await Service.AddAsync(Access("15", Roles.Leader), laoCai, "CP03", Year, CommentKind.Plan, "Tuyển thêm cộng tác viên.");
        await Service.AddAsync(Access("VN", Roles.Admin), laoCai, "INJ05", Year, CommentKind.Plan, "Dạy bơi mùa hè.");

        var read = await Service.ListAsync(Access("VN", Roles.Analyst), laoCai, Year, "CP03");
        Assert.Equal(["Tuyển thêm cộng tác viên.", "Thiếu cán bộ ở cấp xã."], read.Select(c => c.Text));
        Assert.Equal([CommentKind.Plan, CommentKind.Behind], read.Select(c => c.Kind));
        Assert.Equal(["leader.15", "dataentry.15"], read.Select(c => c.Author));
        Assert.Equal(3, (await Service.ListAsync(Access("15", Roles.Analyst), laoCai, Period.ForHalf(2026, 1))).Count);
        Assert.Empty(await Service.ListAsync(Access("15", Roles.Analyst), laoCai, Period.ForYear(2025)));

        var analyst = await Assert.ThrowsAsync<DashboardScopeException>(() =>
            Service.AddAsync(Access("15", Roles.Analyst), laoCai, "CP03", Year, CommentKind.Plan, "…"));
        Assert.Contains("Lào Cai", analyst.Message);
        await Assert.ThrowsAsync<DashboardScopeException>(() =>
            Service.AddAsync(Access("01", Roles.Leader), laoCai, "CP03", Year, CommentKind.Plan, "…"));
        await Assert.ThrowsAsync<DashboardScopeException>(() => Service.ListAsync(Access("01", Roles.Leader), laoCai, Year));
    }

    [Fact]
    public async Task AUserOfTheNewLaoCaiReachesTheOldLaoCaiAndYenBaiButNotHaGiang()
    {
        var clerk = Access("15", Roles.DataEntry);
        var yenBai = Unit("15@2024-01-01");
        Assert.Equal("Yên Bái", yenBai.NameVi);

        await Service.AddAsync(clerk, yenBai, "CP03", Period.ForQuarter(2025, 2), CommentKind.Behind, "Bão lũ.");
        await Service.AddAsync(clerk, Unit("10"), "CP03", Period.ForQuarter(2025, 2), CommentKind.Behind, "Bão lũ.");

        Assert.Single(await Service.ListAsync(clerk, yenBai, Period.ForYear(2025)));
        await Assert.ThrowsAsync<DashboardScopeException>(() => Service.ListAsync(clerk, Unit("02"), Period.ForYear(2025)));
        await Assert.ThrowsAsync<DashboardScopeException>(() =>
            Service.AddAsync(clerk, Unit("02"), "CP03", Period.ForQuarter(2025, 2), CommentKind.Behind, "…"));
        await using var db = _database!.CreateDbContext();
        Assert.Equal(2, await db.Remarks.CountAsync());
    }

    [Theory]
    [InlineData("CP03", CommentKind.Behind, "   ")]
    [InlineData("CP03", CommentKind.Note, "Một ghi chú")]
    [InlineData("CP03", CommentKind.Return, "Một câu hỏi")]
    [InlineData("NOPE", CommentKind.Plan, "Một kế hoạch")]
    public async Task RefusesAnEmptyCommentAnotherKindOrAnUnknownIndicator(string indicator, CommentKind kind, string text)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Service.AddAsync(Access("VN", Roles.Admin), Unit("01"), indicator, Year, kind, text));

        await using var db = _database!.CreateDbContext();
        Assert.Equal(0, await db.Remarks.CountAsync());
    }

    [Fact]
    public async Task RefusesACommentLongerThanTheLimitAndTakesOneAtTheLimit()
    {
        var admin = Access("VN", Roles.Admin);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Service.AddAsync(admin, Unit("01"), "CP03", Year, CommentKind.Plan, new string('x', Remark.MaxLength + 1)));
        var kept = await Service.AddAsync(admin, Unit("01"), "CP03", Year, CommentKind.Plan, new string('x', Remark.MaxLength));

        Assert.Equal(Remark.MaxLength, kept.Text.Length);
    }

    [Fact]
    public async Task AWatcherOfTheUnitHearsOfANewComment()
    {
        var heard = 0;
        using (Service.Watch(Unit("01").Id, () =>
        {
            heard++;
            return Task.CompletedTask;
        }))
        {
            await Service.AddAsync(Access("01", Roles.Leader), Unit("01"), "CP03", Year, CommentKind.Plan, "Kế hoạch.");
            await Service.AddAsync(Access("79", Roles.Leader), Unit("79"), "CP03", Year, CommentKind.Plan, "Kế hoạch.");
        }
        await Service.AddAsync(Access("01", Roles.Leader), Unit("01"), "CP03", Year, CommentKind.Plan, "Kế hoạch.");

        Assert.Equal(1, heard);
    }

    [Fact]
    public async Task ValueNotesOfTheOldProvincesShowOnTheNewOneAndNowhereElse()
    {
        await using (var db = _database!.CreateDbContext())
        {
            var element = await db.DataElements.SingleAsync(e => e.Code == "HEART_SURGERY");
            db.DataValues.Add(new DataValue
            {
                DataElementId = element.Id, OrgUnitId = Unit("15@2024-01-01").Id, Period = "2025Q1", OptionCode = "MALE",
                Value = 12, Comment = "Gồm 3 ca chuyển tuyến từ Hà Nội.", StoredBy = "nhaplieu.yenbai", LastUpdatedUtc = TestDatabase.Today.UtcDateTime,
            });
            db.DataValues.Add(new DataValue
            {
                DataElementId = element.Id, OrgUnitId = Unit("15@2024-01-01").Id, Period = "2025Q2", OptionCode = "MALE", Value = 4,
                LastUpdatedUtc = TestDatabase.Today.UtcDateTime,
            });
            await db.SaveChangesAsync();
        }

        var notes = await Service.ValueNotesAsync(Access("15", Roles.Leader), Unit("15"), Period.ForYear(2025));

        var note = Assert.Single(notes);
        Assert.Equal(("HEART_SURGERY", "Yên Bái", "2025Q1", 12.0, "Gồm 3 ca chuyển tuyến từ Hà Nội."),
            (note.ElementCode, note.UnitNameVi, note.Period, note.Value!.Value, note.Text));
        Assert.Empty(await Service.ValueNotesAsync(Access("VN", Roles.Leader), Unit("01"), Period.ForYear(2025)));
        Assert.Empty(await Service.ValueNotesAsync(Access("VN", Roles.Leader), Unit("15"), Period.ForYear(2024)));
        await Assert.ThrowsAsync<DashboardScopeException>(() => Service.ValueNotesAsync(Access("01", Roles.Leader), Unit("15"), Period.ForYear(2025)));
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
