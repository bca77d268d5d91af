using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Notifications;

// A change set as it travels between app servers (a PostgreSQL NOTIFY payload, under 8,000 bytes).
// Units are the changed ones; the receiver works out the units they move. When the communes of a
// large import do not fit, their provinces go instead (Subtrees: re-read everything below them),
// and when even that does not fit, the receiver reloads everything.
public sealed record ChangeSetMessage(
    [property: JsonPropertyName("k")] ChangeKind Kind,
    [property: JsonPropertyName("o")] string Origin,
    [property: JsonPropertyName("e")] int[] Elements,
    [property: JsonPropertyName("i")] int[] Indicators,
    [property: JsonPropertyName("u")] int[] Units,
    [property: JsonPropertyName("s")] bool Subtrees,
    [property: JsonPropertyName("p")] string[] Periods,
    [property: JsonPropertyName("by")] string ChangedBy,
    [property: JsonPropertyName("at")] DateTimeOffset ChangedAtUtc)
{
    public const int MaxBytes = 7_900;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Write(ChangeSet changes, string origin, OrgUnitDirectory units)
    {
        var message = new ChangeSetMessage(
            changes.Kind, origin, [.. changes.DataElementIds], [.. changes.IndicatorIds], [.. changes.ChangedOrgUnitIds], false,
            [.. changes.Periods.Select(p => p.Code)], Shorten(changes.ChangedBy), changes.ChangedAtUtc);
        var text = JsonSerializer.Serialize(message, Json);
        if (Encoding.UTF8.GetByteCount(text) <= MaxBytes)
            return text;
        var provinces = changes.ChangedOrgUnitIds.Select(id => ProvinceOf(units[id]).Id).Distinct().ToArray();
        text = JsonSerializer.Serialize(message with { Units = provinces, Subtrees = true }, Json);
        return Encoding.UTF8.GetByteCount(text) <= MaxBytes
            ? text
            : JsonSerializer.Serialize(message with { Kind = ChangeKind.Everything, Elements = [], Indicators = [], Units = [], Periods = [] }, Json);
    }

    public static ChangeSetMessage? Read(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<ChangeSetMessage>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The units whose values the receiver re-reads.
    public IReadOnlyList<int> UnitsToRead(OrgUnitDirectory units) =>
        Subtrees ? Units.SelectMany(id => units.SubtreeOf(units[id])).Select(u => u.Id).Distinct().ToList() : Units;

    public ChangeSet ToChangeSet(OrgUnitDirectory units)
    {
        var periods = Periods.Select(Period.Parse).ToList();
        var changes = Kind switch
        {
            ChangeKind.Values => ChangeSet.ForValues(units, Elements.ToHashSet(), UnitsToRead(units).ToHashSet(), periods, ChangedBy, ChangedAtUtc),
            ChangeKind.Targets => ChangeSet.ForTargets(Indicators, Units, ChangedBy, ChangedAtUtc),
            _ => ChangeSet.Everything(ChangedBy, ChangedAtUtc),
        };
        return changes with { Origin = Origin };
    }

    private static OrgUnit ProvinceOf(OrgUnit unit) => ReportForm.UnitFor(unit) ?? unit;

    private static string Shorten(string text) => text.Length <= 256 ? text : text[..256];
}
