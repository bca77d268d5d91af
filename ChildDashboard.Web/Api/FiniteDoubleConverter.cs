using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChildDashboard.Web.Api;

// The last guard of "never ∞ or NaN" (domain.md §3): a non-finite number is written as null
// instead of failing the whole answer with a 500 for everyone who asks.
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override bool HandleNull => false;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
            writer.WriteNumberValue(value);
        else
            writer.WriteNullValue();
    }
}
