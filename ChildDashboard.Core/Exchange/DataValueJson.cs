using System.Text.Json;

using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange;

// DHIS2's JSON data value set: {"dataValues":[{"dataElement","period","orgUnit","categoryOptionCombo","value","comment"}]}.
// A row number is the value's position in the array, from 1. Property names match without regard
// to case, as DHIS2 reads them; a name given twice in one object (in any case) is ambiguous and
// refuses the body, as does a string that is not valid Unicode (a lone surrogate escape).
public static class DataValueJson
{
    private static readonly string[] Fields = ["dataElement", "period", "orgUnit", "categoryOptionCombo", "value", "storedBy", "comment", "deleted"];

    public static (List<DataValueRow> Rows, ImportConflicts Conflicts) Read(JsonDocument document)
    {
        var rows = new List<DataValueRow>();
        var conflicts = new ImportConflicts();
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Properties(root, 0).GetValueOrDefault("datavalues") is not { ValueKind: JsonValueKind.Array } values)
        {
            throw new UnreadableBodyException(Language.Pick(
                "Cần một đối tượng JSON có mảng \"dataValues\".", "Expected a JSON object with a \"dataValues\" array."));
        }

        var row = 0;
        foreach (var item in values.EnumerateArray())
        {
            row++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                conflicts.Add(new ImportConflict(row, "", ImportConflict.Shorten(item.GetRawText()),
                    Language.Pick("Mỗi giá trị phải là một đối tượng JSON.", "Each value must be a JSON object.")));
                continue;
            }
            var properties = Properties(item, row);
            string? Field(string name) => properties.TryGetValue(name.ToLowerInvariant(), out var value) ? Text(value, row, name) : null;
            rows.Add(new DataValueRow(row,
                Field(Fields[0]), Field(Fields[1]), Field(Fields[2]), Field(Fields[3]), Field(Fields[4]), Field(Fields[5]), Field(Fields[6]), Field(Fields[7])));
        }
        return (rows, conflicts);
    }

    // The properties of an object by lower-case name; a repeated name (in any case) refuses the body.
    private static Dictionary<string, JsonElement> Properties(JsonElement element, int row)
    {
        var properties = new Dictionary<string, JsonElement>();
        foreach (var property in element.EnumerateObject())
        {
            if (!properties.TryAdd(property.Name.ToLowerInvariant(), property.Value))
            {
                var name = ImportConflict.Quote(property.Name);
                throw new UnreadableBodyException(row == 0
                    ? Language.Pick($"Thuộc tính \"{name}\" xuất hiện hai lần.", $"The property \"{name}\" appears twice.")
                    : Language.Pick($"Giá trị thứ {row}: thuộc tính \"{name}\" xuất hiện hai lần; không rõ dùng giá trị nào.",
                        $"Value {row}: the property \"{name}\" appears twice; which one counts is ambiguous."));
            }
        }
        return properties;
    }

    // Strings, numbers and booleans are all read as the text they stand for.
    private static string? Text(JsonElement value, int row, string name)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return value.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new UnreadableBodyException(Language.Pick(
                        $"Giá trị thứ {row}, \"{name}\": chuỗi chứa ký tự Unicode không hợp lệ (surrogate đứng một mình).",
                        $"Value {row}, \"{name}\": the string holds invalid Unicode (a lone surrogate)."));
                }
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            case JsonValueKind.Null:
                return null;
            default:
                throw new UnreadableBodyException(Language.Pick(
                    $"Giá trị thứ {row}, \"{name}\": cần một chuỗi, số hoặc true/false, không phải {(value.ValueKind == JsonValueKind.Array ? "một mảng" : "một đối tượng")}.",
                    $"Value {row}, \"{name}\": expected a string, number or true/false, not {(value.ValueKind == JsonValueKind.Array ? "an array" : "an object")}."));
        }
    }
}
