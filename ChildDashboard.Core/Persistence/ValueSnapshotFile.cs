using ChildDashboard.Core.Analytics;

namespace ChildDashboard.Core.Persistence;

// The analytics table saved to a local file with the stamp of the database state it holds, so
// that a start copies it back in a fraction of a second instead of reading millions of rows.
// A file that is missing, of another format or unreadable is simply not used.
public sealed class ValueSnapshotFile(string path)
{
    private const int Magic = 0x54564443; // "CDVT"
    private const int Version = 1;

    public string Path { get; } = path;

    // How long after a start from this file the database is read again in full (ValueStore): long
    // enough for the server to start and answer its first questions without sharing the processor
    // with millions of rows being read.
    public TimeSpan ReReadAfter { get; init; } = TimeSpan.FromSeconds(10);

    public (ValueTable Table, ValueTableStamp Stamp)? TryRead()
    {
        if (!BitConverter.IsLittleEndian || !File.Exists(Path))
            return null;
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            using var reader = new BinaryReader(stream);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
                return null;
            var stamp = new ValueTableStamp(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
            var table = ValueTable.ReadFrom(stream);
            return stream.Position == stream.Length ? (table, stamp) : null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException or InvalidDataException or ArgumentException or OutOfMemoryException)
        {
            return null;
        }
    }

    // Written aside and moved into place, so that a crash never leaves half a file under the name.
    public void Write(ValueTable table, ValueTableStamp stamp)
    {
        if (!BitConverter.IsLittleEndian)
            return;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(Version);
                writer.Write(stamp.AuditId);
                writer.Write(stamp.AuditBatchId);
                writer.Write(stamp.AuditTicks);
                writer.Write(stamp.MaxValueId);
            }
            table.WriteTo(stream);
        }
        File.Move(temporary, Path, overwrite: true);
    }
}
