using System.Text.Json;

using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange;

// DHIS2's JSON data value set: {"dataValues":[{"dataElement","period","orgUnit","categoryOptionCombo","value","comment"}]}.
// A row number is the value's position in the array, from 1.
public static class DataValueJson
{
    public static (List<DataValueRow> Rows, List<ImportConflict> Conflicts) Read(JsonDocument document)
    {
        var rows = new List<DataValueRow>();
        var conflicts = new List<ImportConflict>();
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !TryGetProperty(document.RootElement, "dataValues", out var values)
            || values.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("Expected a JSON object with a \"dataValues\" array.");
        }

        var row = 0;
        foreach (var item in values.EnumerateArray())
        {
            row++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                conflicts.Add(new ImportConflict(row, "", item.GetRawText(), Language.Pick("Mỗi giá trị phải là một đối tượng JSON.", "Each value must be a JSON object.")));
                continue;
            }
            rows.Add(new DataValueRow(row,
                Field(item, "dataElement"), Field(item, "period"), Field(item, "orgUnit"), Field(item, "categoryOptionCombo"),
                Field(item, "value"), Field(item, "storedBy"), Field(item, "comment"), Field(item, "deleted")));
        }
        return (rows, conflicts);
    }

    // Strings, numbers and booleans are all read as the text they stand for.
    private static string? Field(JsonElement item, string name) =>
        !TryGetProperty(item, name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
