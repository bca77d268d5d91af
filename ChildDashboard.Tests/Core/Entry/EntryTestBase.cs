using System.Collections.Concurrent;
using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Entry;

// A migrated database with the reference data, the services of the entry workflow over it, and
// helpers that name units by code and users by role and scope.
public abstract class EntryTestBase(DatabaseProvider provider) : IAsyncLifetime
{
    public static readonly Period Quarter = Period.Parse("2026Q3");

    private TestDatabase? _database;
    private ValueStore? _store;
    private Catalogue? _catalogue;
    protected readonly DataChangeNotifier Notifier = new(NullLogger<DataChangeNotifier>.Instance);
    protected readonly ConcurrentQueue<ChangeSet> Published = new();

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");
    protected ValueStore Store => _store ?? throw new InvalidOperationException("Not initialised.");
    protected Catalogue Catalogue => _catalogue ?? throw new InvalidOperationException("Not initialised.");
    protected DatabaseProvider Provider => provider;

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en-US");
        _database = await TestDatabase.CreateAsync(provider: provider);
        _store = new ValueStore(new ValueTableLoader(Database), NullLogger<ValueStore>.Instance);
        _catalogue = await new CatalogueCache(Database).GetAsync();
        Notifier.Subscribe(changes =>
        {
            Published.Enqueue(changes);
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    protected FormService Forms() => new(Database, new CatalogueCache(Database), Store, Notifier, Database.Time);

    protected FormWorkflowService Workflow(FormNotificationService? notifications = null) =>
        new(Database, new CatalogueCache(Database), Forms(), notifications ?? new FormNotificationService(Database), Database.Time);

    protected CompletenessService Completeness() => new(Database, new CatalogueCache(Database), Store, Database.Time);

    protected OrgUnit Unit(string code, string date = "2026-11-29") =>
        Catalogue.Units.FindOpen(code, DateOnly.Parse(date, CultureInfo.InvariantCulture)) ?? throw new ArgumentException(code);

    protected UserAccess User(string role, string scope = "01") =>
        new($"{role.ToLowerInvariant()}.{scope}", [role], Unit(scope), Catalogue.Units);

    protected DataElement Element(string code) => Catalogue.ElementsByCode[code];

    protected ValueSave Cell(string element, double? value, ValueToken? expected = null, string option = "default", string unit = "01", Period? quarter = null, string? comment = null) =>
        new(Unit(unit).Id, (quarter ?? Quarter).Code, Element(element).Id, option, expected, value, comment);

    protected async Task<SaveResult> SaveAsync(UserAccess user, string element, double? value, string option = "default", string unit = "01", Period? quarter = null, string? comment = null)
    {
        var view = await Forms().OpenAsync(user, Unit(unit).Id, quarter ?? Quarter);
        var token = view.Cells[FormCellView.CellKey(Element(element).Id, option)].Current.Token;
        return await Forms().SaveAsync(user, Cell(element, value, token, option, unit, quarter, comment));
    }

    protected async Task<int> AuditRowsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.DataValueAudits.CountAsync();
    }

    // A real account with roles, as the notifications look users up in the Identity tables.
    protected async Task AddUserAsync(string userName, string role, string scope)
    {
        await using var db = Database.CreateDbContext();
        var roleRow = await db.Roles.SingleOrDefaultAsync(r => r.Name == role);
        if (roleRow is null)
        {
            roleRow = new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(roleRow);
        }
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = userName, ScopeOrgUnitId = Unit(scope).Id };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleRow.Id });
        await db.SaveChangesAsync();
    }

    // What was published so far (a marker goes out last; subscribers receive in order).
    protected async Task<List<ChangeSet>> PublishedAsync()
    {
        var marker = ChangeSet.ForTargets([], [], "marker", DateTimeOffset.MinValue);
        Notifier.Publish(marker);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!Published.Contains(marker))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "The marker change set never arrived.");
            await Task.Delay(5);
        }
        var published = Published.TakeWhile(c => c != marker).ToList();
        Published.Clear();
        return published;
    }
}
