using System.Globalization;
using ChildDashboard.Core.Analytics;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Core.Services.Settings;

// The settings page (national administrators only): each setting's value in force, the
// configuration's default under it, and changes checked together by the same validators that
// check the configuration at start, stored, audited (old and new) and in force at once.
public sealed class SettingsService(
    IDbContextFactory<AppDbContext> factory, SettingsStore store, AdminAuditLog audit, CatalogueCache catalogues, DataChangeNotifier notifier,
    IOptionsMonitor<StatusOptions> status, IOptionsMonitor<ReportingOptions> reporting, IOptionsMonitor<ImportOptions> import, TimeProvider time)
{
    public sealed record SettingRow(SettingDefinition Definition, double Value, double Default, bool IsOverridden, string? ChangedBy, DateTime? ChangedAtUtc);

    public async Task<IReadOnlyList<SettingRow>> ListAsync(UserAccess actor, CancellationToken ct = default)
    {
        if (!actor.CanAdministerSystem)
            return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = await db.SystemSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, ct);
        return SettingDefinition.All
            .Select(d => new SettingRow(d, d.Read(Current(d.Options)), d.Read(Configured(d.Options)), store.Overrides.ContainsKey(d.Key),
                stored.GetValueOrDefault(d.Key)?.UpdatedBy, stored.GetValueOrDefault(d.Key)?.UpdatedAtUtc))
            .ToList();
    }

    // Values by key; null sets a setting back to the configuration's value. Nothing is written
    // unless all of them together pass the validators.
    public async Task<AdminResult> SaveAsync(UserAccess actor, IReadOnlyDictionary<string, double?> values, CancellationToken ct = default)
    {
        if (!actor.CanAdministerSystem)
            return AdminResult.Failed(Language.Pick("Chỉ quản trị viên cấp quốc gia được thay đổi thiết lập hệ thống.", "Only national administrators may change system settings."));
        var definitions = SettingDefinition.All.ToDictionary(d => d.Key, StringComparer.Ordinal);
        var overrides = new Dictionary<string, double>(store.Overrides, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (!definitions.TryGetValue(key, out var definition))
                return AdminResult.Failed(Language.Pick($"Không có thiết lập '{key}'.", $"No setting '{key}'."));
            if (value is not { } v)
                overrides.Remove(key);
            else if (!definition.Accepts(v))
                return AdminResult.Failed(Language.Pick($"{key} cần một số nguyên.", $"{key} takes a whole number."));
            // The configuration's own value is no override: the setting keeps following the configuration.
            else if (v == definition.Read(Configured(definition.Options)))
                overrides.Remove(key);
            else
                overrides[key] = v;
        }
        var failures = Validate(overrides);
        if (failures.Count > 0)
            return new AdminResult(failures);

        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(ct);
        var stored = await db.SystemSettings.ToDictionaryAsync(s => s.Key, ct);
        var changed = false;
        foreach (var definition in SettingDefinition.All)
        {
            var old = store.Overrides.TryGetValue(definition.Key, out var o) ? o : definition.Read(Configured(definition.Options));
            var @new = overrides.TryGetValue(definition.Key, out var n) ? n : definition.Read(Configured(definition.Options));
            var row = stored.GetValueOrDefault(definition.Key);
            if (overrides.ContainsKey(definition.Key))
            {
                var text = Text(@new);
                if (row is null)
                    db.SystemSettings.Add(new SystemSetting { Key = definition.Key, Value = text, UpdatedBy = actor.UserName, UpdatedAtUtc = now.UtcDateTime });
                else if (row.Value != text)
                    (row.Value, row.UpdatedBy, row.UpdatedAtUtc) = (text, actor.UserName, now.UtcDateTime);
            }
            else if (row is not null)
                db.SystemSettings.Remove(row);
            if (old != @new)
            {
                audit.Add(db, actor, AdminAction.SettingChanged, definition.Key, null, Text(old), Text(@new));
                changed = true;
            }
        }
        await db.SaveChangesAsync(ct);
        store.Set(overrides);
        if (changed)
        {
            // Margins move every status: pages showing any indicator recompute, and other servers read the settings again.
            var catalogue = await catalogues.GetAsync();
            notifier.Publish(ChangeSet.ForTargets(catalogue.Indicators.Select(i => i.Id), [], actor.UserName, now));
        }
        return AdminResult.Success;
    }

    private List<string> Validate(IReadOnlyDictionary<string, double> overrides)
    {
        var candidateStatus = Candidate(status.Get(SettingsStore.ConfiguredName), overrides);
        var candidateReporting = Candidate(reporting.Get(SettingsStore.ConfiguredName), overrides);
        var candidateImport = Candidate(import.Get(SettingsStore.ConfiguredName), overrides);
        return
        [
            .. Failures(new StatusOptionsValidator().Validate(null, candidateStatus)),
            .. Failures(new ReportingOptionsValidator().Validate(null, candidateReporting)),
            .. Failures(new ImportOptionsValidator().Validate(null, candidateImport)),
        ];
    }

    private static IEnumerable<string> Failures(ValidateOptionsResult result) => result.Failed ? result.Failures ?? [] : [];

    // A copy of the configured options with the overrides laid over it (the configured instance is the monitor's own).
    private static T Candidate<T>(T configured, IReadOnlyDictionary<string, double> overrides) where T : class, new()
    {
        var copy = new T();
        foreach (var definition in SettingDefinition.All.Where(d => d.Options == typeof(T)))
            definition.Write(copy, definition.Read(configured));
        SettingsStore.Apply(copy, overrides);
        return copy;
    }

    private object Current(Type options) =>
        options == typeof(StatusOptions) ? status.CurrentValue : options == typeof(ReportingOptions) ? reporting.CurrentValue : import.CurrentValue;

    private object Configured(Type options) =>
        options == typeof(StatusOptions) ? status.Get(SettingsStore.ConfiguredName)
        : options == typeof(ReportingOptions) ? reporting.Get(SettingsStore.ConfiguredName) : import.Get(SettingsStore.ConfiguredName);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
