using Bunit;
using ChildDashboard.Core;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using ChildDashboard.Tests.Core;
using ChildDashboard.Web.Components.Pages.Entry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildDashboard.Tests.Web.Entry;

public class EntryFormTests : MudTestContext
{
    private static readonly Period Quarter = Period.Parse("2026Q3");
    private TestDatabase? _database;
    private Catalogue? _catalogue;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");
    private Catalogue Catalogue => _catalogue ?? throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Services.AddChildDashboardServices(new ConfigurationBuilder().Build());
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_database);
        Services.AddSingleton<TimeProvider>(_database.Time);
        Services.AddLogging();
        _catalogue = await new CatalogueCache(_database).GetAsync();
    }

    private OrgUnit HaNoi => Catalogue.Units.FindCurrent("01", new DateOnly(2026, 11, 29))!;

    private UserAccess Clerk(string name = "nhaplieu.hanoi") => new(name, [Roles.DataEntry], HaNoi, Catalogue.Units);

    private IRenderedComponent<EntryForm> RenderForm(UserAccess? access = null)
    {
        var form = Render<EntryForm>(p => p.Add(f => f.Access, access ?? Clerk()).Add(f => f.UnitId, HaNoi.Id).Add(f => f.Quarter, Quarter));
        form.WaitForAssertion(() => Assert.NotEmpty(form.FindAll("input.entry-cell")));
        return form;
    }

    // Another app server: its save reaches this one's pages only through the change feed, later.
    private FormService OtherServer() => new(Database, new CatalogueCache(Database),
        new ValueStore(new ValueTableLoader(Database), Microsoft.Extensions.Logging.Abstractions.NullLogger<ValueStore>.Instance),
        new ChildDashboard.Core.Notifications.DataChangeNotifier(Microsoft.Extensions.Logging.Abstractions.NullLogger<ChildDashboard.Core.Notifications.DataChangeNotifier>.Instance),
        Database.Time);

    // A change set from an earlier save may re-render the form between finding a button and clicking it.
    private static void Click(IRenderedComponent<EntryForm> form, string selector) =>
        form.WaitForAssertion(() => form.Find(selector).Click());

    private static AngleSharp.Dom.IElement Cell(IRenderedComponent<EntryForm> form, string key) => form.Find($"input[data-cell='{key}']");

    private async Task<double?> StoredAsync(string element, string option = "default")
    {
        await using var db = Database.CreateDbContext();
        var id = Catalogue.ElementsByCode[element].Id;
        return (await db.DataValues.SingleOrDefaultAsync(v => v.DataElementId == id && v.OptionCode == option))?.Value;
    }

    [Fact]
    public async Task A_number_typed_in_Vietnamese_is_saved_with_a_saved_mark_and_the_total_follows()
    {
        var form = RenderForm();

        Cell(form, "HEART_SURGERY.MALE").Change("1.234");
        form.WaitForAssertion(() => Assert.Contains("entry-saved", Cell(form, "HEART_SURGERY.MALE").ClassName));
        Cell(form, "HEART_SURGERY.FEMALE").Change("6");
        form.WaitForAssertion(() => Assert.Equal("1.240", form.Find("[data-testid='total-HEART_SURGERY']").TextContent.Trim()));

        Assert.Equal(1234, await StoredAsync("HEART_SURGERY", "MALE"));
        Assert.Equal("✓", Cell(form, "HEART_SURGERY.MALE").ParentElement!.QuerySelector(".entry-mark")!.TextContent);
        Assert.Equal("Đã nhập 2/41 ô", form.Find("[data-testid='entry-completeness']").TextContent);
    }

    [Fact]
    public async Task A_bad_number_gets_a_message_beside_its_row_in_the_users_language_and_nothing_is_saved()
    {
        var form = RenderForm();

        Cell(form, "ABANDONED.default").Change("12a");

        form.WaitForAssertion(() => Assert.Contains("không phải là số", form.Find("[data-testid='note-ABANDONED']").TextContent));
        Assert.Contains("entry-error", Cell(form, "ABANDONED.default").ClassName);
        Assert.Null(await StoredAsync("ABANDONED"));
    }

    [Fact]
    public void A_rule_across_cells_is_shown_beside_the_cells_it_concerns()
    {
        var form = RenderForm();

        Cell(form, "ABUSE_CHILDREN.MALE").Change("3");
        form.WaitForAssertion(() => Assert.Contains("entry-saved", Cell(form, "ABUSE_CHILDREN.MALE").ClassName));
        Cell(form, "ABUSE_SUPPORTED.default").Change("5");

        form.WaitForAssertion(() => Assert.Contains("VR03", form.Find("[data-testid='note-ABUSE_SUPPORTED']").TextContent));
        Assert.Contains("entry-note-error", form.Find("[data-testid='note-ABUSE_SUPPORTED']").ClassName);
    }

    [Fact]
    public void The_form_is_keyboard_first_its_cells_in_order_and_Enter_wired_to_the_next_cell()
    {
        var form = RenderForm();

        var cells = form.FindAll("input.entry-cell");
        Assert.Equal(41, cells.Count);
        Assert.All(cells, c => Assert.Null(c.GetAttribute("tabindex")));
        // The keyboard module is imported after the first render.
        form.WaitForAssertion(() => Assert.Single(JSInterop.Invocations, i => i.Identifier == "import"));
        var import = JSInterop.Invocations.Single(i => i.Identifier == "import");
        Assert.Equal("./entry.js", import.Arguments[0]);
        var script = File.ReadAllText(Path.Combine(RepoRoot.Path, "wwwroot-assets", "entry.js"));
        Assert.Contains("event.key !== \"Enter\"", script);
        Assert.Contains("next.focus()", script);
    }

    [Fact]
    public async Task A_cell_saved_by_someone_else_meanwhile_offers_keep_mine_or_take_theirs()
    {
        var form = RenderForm();
        var other = Clerk("other");
        var forms = OtherServer();
        var id = Catalogue.ElementsByCode["TRAFFICKED"].Id;
        Assert.Equal(SaveOutcome.Saved, (await forms.SaveAsync(other, new ValueSave(HaNoi.Id, Quarter.Code, id, "default", null, 9, null))).Outcome);

        await form.InvokeAsync(() => Cell(form, "TRAFFICKED.default").Change("4"));
        form.WaitForAssertion(() => Assert.Contains("other", form.Find("[data-testid='conflict-TRAFFICKED']").TextContent));
        Assert.Equal(9, await StoredAsync("TRAFFICKED"));

        Click(form, "[data-testid='keep-mine']");
        form.WaitForAssertion(() => Assert.Contains("entry-saved", Cell(form, "TRAFFICKED.default").ClassName));
        Assert.Equal(4, await StoredAsync("TRAFFICKED"));
    }

    [Fact]
    public async Task Taking_their_value_shows_it_and_saves_nothing()
    {
        var form = RenderForm();
        var forms = OtherServer();
        var id = Catalogue.ElementsByCode["TRAFFICKED"].Id;
        await forms.SaveAsync(Clerk("other"), new ValueSave(HaNoi.Id, Quarter.Code, id, "default", null, 9, null));

        await form.InvokeAsync(() => Cell(form, "TRAFFICKED.default").Change("4"));
        Click(form, "[data-testid='take-theirs']");

        form.WaitForAssertion(() => Assert.Equal("9", Cell(form, "TRAFFICKED.default").GetAttribute("value")));
        Assert.Empty(form.FindAll("[data-testid='conflict-TRAFFICKED']"));
        Assert.Equal(9, await StoredAsync("TRAFFICKED"));
    }

    [Fact]
    public void A_leader_sees_the_cells_read_only_and_no_submit_button()
    {
        var form = RenderForm(new UserAccess("lanhdao", [Roles.Leader], Catalogue.Units.Root!, Catalogue.Units));

        Assert.All(form.FindAll("input.entry-cell"), c => Assert.True(c.HasAttribute("disabled")));
        Assert.Empty(form.FindAll("[data-testid='entry-submit']"));
    }

    [Fact]
    public void The_history_of_a_cell_opens_from_its_row()
    {
        var form = RenderForm();
        Cell(form, "ABANDONED.default").Change("3");
        form.WaitForAssertion(() => Assert.Contains("entry-saved", Cell(form, "ABANDONED.default").ClassName));

        Click(form, "button[data-testid='history-ABANDONED']");

        form.WaitForAssertion(() => Assert.Contains("nhaplieu.hanoi", form.Find("[data-testid='history-list-ABANDONED']").TextContent));
        Assert.Contains("từ biểu mẫu", form.Find("[data-testid='history-list-ABANDONED']").TextContent);
    }

    [Fact]
    public void Submitting_with_an_error_lists_what_blocks_it_and_after_fixing_it_submits()
    {
        var form = RenderForm();
        Cell(form, "ABUSE_CHILDREN.MALE").Change("3");
        form.WaitForAssertion(() => Assert.Contains("entry-saved", Cell(form, "ABUSE_CHILDREN.MALE").ClassName));
        Cell(form, "ABUSE_SUPPORTED.default").Change("5");
        form.WaitForAssertion(() => Assert.Contains("entry-saved", Cell(form, "ABUSE_SUPPORTED.default").ClassName));

        Click(form, "button[data-testid='entry-submit']");
        form.WaitForAssertion(() => Assert.Contains("VR03", form.Find("[data-testid='entry-step-error']").TextContent));

        Cell(form, "ABUSE_SUPPORTED.default").Change("2");
        form.WaitForAssertion(() => Assert.Contains("entry-saved", Cell(form, "ABUSE_SUPPORTED.default").ClassName));
        Click(form, "button[data-testid='entry-submit']");
        form.WaitForAssertion(() => Assert.Equal("Đã gửi", form.Find("[data-testid='entry-status']").TextContent.Trim()));
        Assert.All(form.FindAll("input.entry-cell"), c => Assert.True(c.HasAttribute("disabled")));
    }
}
