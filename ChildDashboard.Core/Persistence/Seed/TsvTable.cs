using System.Globalization;

namespace ChildDashboard.Core.Persistence.Seed;

// A tab-separated reference file embedded in this assembly, read by column name.
internal sealed class TsvTable
{
    private readonly Dictionary<string, int> _columns;

    private TsvTable(string[] header, List<string[]> rows)
    {
        _columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        Rows = rows.Select(r => new TsvRow(this, r)).ToList();
    }

    public IReadOnlyList<TsvRow> Rows { get; }

    public static string Sha256(string fileName)
    {
        using var stream = Open(fileName);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
    }

    public static TsvTable Load(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        var lines = reader.ReadToEnd().Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .ToList();
        return new TsvTable(lines[0], lines.Skip(1).ToList());
    }

    private static Stream Open(string fileName)
    {
        var assembly = typeof(TsvTable).Assembly;
        return assembly.GetManifestResourceStream($"Seed.{fileName}")
            ?? throw new InvalidOperationException($"Reference file {fileName} is not embedded in {assembly.GetName().Name}.");
    }

    internal sealed class TsvRow(TsvTable table, string[] cells)
    {
        public string this[string column] =>
            table._columns[column] < cells.Length ? cells[table._columns[column]].Trim() : "";

        public string? Optional(string column) => this[column] is { Length: > 0 } text ? text : null;

        public int? OptionalInt(string column) =>
            Optional(column) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

        public double? OptionalDouble(string column) =>
            Optional(column) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

        public DateOnly? OptionalDate(string column) =>
            Optional(column) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }
}
