namespace ChildDashboard.Tests.Core.Persistence;

// One demo database shared by a test class: building it takes about a second.
public sealed class DemoDatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(demoData: true);

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
