using ChildDashboard.Core.Persistence;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Services;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChildDashboard.Tests.Core.Services;

public abstract class ValidationServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ValueStore? _store;
    private Catalogue? _catalogue;

    private Catalogue Catalogue => _catalogue ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider: provider);
        _store = new ValueStore(new ValueTableLoader(_database), NullLogger<ValueStore>.Instance);
        _catalogue = await new CatalogueCache(_database).GetAsync();
        var haNoi = Catalogue.Units.FindCurrent("01", new DateOnly(2026, 1, 1)) ?? throw new InvalidOperationException();
        var q1 = Period.Parse("2025Q1");
        await _store.WarmUpAsync();
        _store.Apply([
            new StoredValue(Catalogue.ElementsByCode["INJ_CASES"].Id, haNoi.Id, q1, "MALE", 10),
            new StoredValue(Catalogue.ElementsByCode["INJ_DEATHS"].Id, haNoi.Id, q1, "MALE", 8),
            new StoredValue(Catalogue.ElementsByCode["INJ_DEATHS"].Id, haNoi.Id, q1, "FEMALE", 4),
            new StoredValue(Catalogue.ElementsByCode["DROWN_DEATHS"].Id, haNoi.Id, q1, "MALE", 5),
        ]);
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    private Task<IReadOnlyList<ValidationResult>> CheckAsync(IReadOnlyDictionary<string, double?>? pending = null)
    {
        var service = new ValidationService(new CatalogueCache(_database ?? throw new InvalidOperationException()), _store ?? throw new InvalidOperationException());
        var haNoi = Catalogue.Units.FindCurrent("01", new DateOnly(2026, 1, 1)) ?? throw new InvalidOperationException();
        return service.CheckAsync(haNoi, Period.Parse("2025Q1"), pending);
    }

    [SkippableFact]
    public async Task ChecksTheStoredValuesAndReportsWarnings()
    {
        var results = await CheckAsync();

        var deathsOverCases = Assert.Single(results, r => r.Rule.Code == "VR08");
        Assert.False(deathsOverCases.Holds);
        Assert.Equal(ValidationSeverity.Warning, deathsOverCases.Rule.Severity);
        Assert.Equal((12.0, 10.0), (deathsOverCases.Left, deathsOverCases.Right));
        Assert.True(Assert.Single(results, r => r.Rule.Code == "VR07").Holds);
    }

    [SkippableFact]
    public async Task PendingValuesReplaceStoredOnes()
    {
        var results = await CheckAsync(new Dictionary<string, double?> { ["DROWN_DEATHS"] = 13 });

        var drowning = Assert.Single(results, r => r.Rule.Code == "VR07");
        Assert.False(drowning.Holds);
        Assert.Equal(ValidationSeverity.Error, drowning.Rule.Severity);
    }

    [SkippableFact]
    public async Task ARuleWithAnEmptySideIsNotChecked()
    {
        var results = await CheckAsync();

        Assert.DoesNotContain(results, r => r.Rule.Code == "VR01");
    }
}

public sealed class ValidationServiceOnSqliteTests() : ValidationServiceTests(DatabaseProvider.Sqlite);

public sealed class ValidationServiceOnPostgresTests() : ValidationServiceTests(DatabaseProvider.PostgreSQL);
