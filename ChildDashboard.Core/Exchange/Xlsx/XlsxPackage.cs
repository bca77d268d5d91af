using System.IO.Compression;
using System.Xml;
using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange.Xlsx;

// An uploaded .xlsx opened defensively. Before any part is read: the bytes must be a zip (an old
// .xls or an encrypted workbook is an OLE file), the central directory must be whole, the entries
// few, their declared sizes within the limit and their compression ratios plausible, and nothing
// may run or reach out (VBA macros, ActiveX, embedded objects, external links). Parts are then read
// through a stream that stops inflating at the declared size (a lying header is caught too), with
// an XmlReader that refuses any DTD, so no entity is ever expanded or fetched.
public sealed class XlsxPackage : IDisposable
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    private static readonly string[] ActiveParts = ["vbaproject", "activex", "embeddings/", "vbadata"];

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private long _inflated;
    private readonly XlsxLimits _limits;

    private XlsxPackage(ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries, XlsxLimits limits)
    {
        _zip = zip;
        _entries = entries;
        _limits = limits;
    }

    public static XlsxPackage Open(Stream stream, XlsxLimits limits)
    {
        if (!stream.CanSeek)
            throw new ArgumentException("The package needs a seekable stream (the body buffered within its limit).", nameof(stream));
        Span<byte> magic = stackalloc byte[4];
        var start = stream.Position;
        var read = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        stream.Position = start;
        if (read == 4 && magic.SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            throw Refused("Tệp là bảng tính Excel 97–2003 (.xls) hoặc đã được đặt mật khẩu: hãy lưu lại dưới dạng .xlsx không mật khẩu.",
                "The file is an Excel 97–2003 workbook (.xls) or is password-protected: save it as an .xlsx without a password.");
        if (read < 4 || !magic.SequenceEqual("PK\u0003\u0004"u8))
            throw Refused("Tệp không phải là bảng tính .xlsx (không phải tệp zip).", "The file is not an .xlsx workbook (it is not a zip file).");

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }

        try
        {
            var entries = CheckEntries(zip, limits);
            var package = new XlsxPackage(zip, entries, limits);
            package.CheckContentTypes();
            return package;
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public bool Has(string path) => _entries.ContainsKey(Normalize(path));

    // An XML part, read within its declared size and the package's remaining allowance.
    public XmlReader OpenXml(string path)
    {
        if (!_entries.TryGetValue(Normalize(path), out var entry))
            throw Corrupt();
        Stream inflating;
        try
        {
            inflating = entry.Open();
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }
        var allowance = Math.Min(entry.Length, _limits.MaxUncompressedBytes - _inflated);
        var counted = new CountingStream(new BoundedStream(inflating, allowance, () => Bomb(entry.FullName)), n => _inflated += n);
        return XmlReader.Create(counted, XmlSettings);
    }

    // Reads a part to its end, turning what a hostile or broken part throws into a clear refusal.
    public T Read<T>(string path, Func<XmlReader, T> read)
    {
        try
        {
            using var xml = OpenXml(path);
            return read(xml);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw Refused($"Phần '{ImportConflict.Quote(path)}' của tệp có khai báo DTD (có thể chứa thực thể ngoài); tệp bị từ chối.",
                $"The part '{ImportConflict.Quote(path)}' declares a DTD (it may hold external entities); the file is refused.");
        }
        catch (XmlException) when (!MatchesHeader(path))
        {
            throw Bomb(path);
        }
        catch (XmlException e)
        {
            throw Refused($"Phần '{ImportConflict.Quote(path)}' của tệp không phải XML hợp lệ (dòng {e.LineNumber}): tệp bị hỏng.",
                $"The part '{ImportConflict.Quote(path)}' is not valid XML (line {e.LineNumber}): the file is damaged.");
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }
    }

    public void Dispose() => _zip.Dispose();

    // The inflating stops at the size the zip declares, so a part that declares less than it holds
    // reads as cut-off XML; its checksum then tells it from a merely broken part.
    private bool MatchesHeader(string path)
    {
        var entry = _entries[Normalize(path)];
        try
        {
            using var inflated = entry.Open();
            return Crc32.Of(inflated) == entry.Crc32;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static Dictionary<string, ZipArchiveEntry> CheckEntries(ZipArchive zip, XlsxLimits limits)
    {
        System.Collections.ObjectModel.ReadOnlyCollection<ZipArchiveEntry> all;
        try
        {
            all = zip.Entries;
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }
        if (all.Count > limits.MaxEntries)
            throw Refused($"Tệp chứa {all.Count:N0} phần; một bảng tính hợp lệ có không quá {limits.MaxEntries:N0}.",
                $"The file holds {all.Count:N0} parts; a genuine workbook has no more than {limits.MaxEntries:N0}.");

        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        long declared = 0;
        foreach (var entry in all)
        {
            var name = Normalize(entry.FullName);
            var lower = name.ToLowerInvariant();
            if (ActiveParts.Any(lower.Contains))
                throw Refused("Tệp chứa macro (VBA), ActiveX hoặc đối tượng nhúng; chỉ nhận bảng tính .xlsx thuần dữ liệu.",
                    "The file holds macros (VBA), ActiveX or embedded objects; only plain .xlsx workbooks are accepted.");
            if (lower.StartsWith("xl/externallinks/", StringComparison.Ordinal))
                throw Refused("Tệp có liên kết tới bảng tính khác (external links); hãy dán giá trị (Paste Values) rồi gửi lại.",
                    "The file links to other workbooks (external links); paste the values (Paste Values) and send it again.");
            if (entry.Length < 0 || entry.CompressedLength < 0)
                throw Corrupt();
            declared += entry.Length;
            if (entry.Length > limits.MaxUncompressedBytes || declared > limits.MaxUncompressedBytes)
                throw Bomb(entry.FullName, limits);
            if (entry.Length > XlsxLimits.RatioFloor && entry.Length > limits.MaxRatio * Math.Max(entry.CompressedLength, 1))
                throw Bomb(entry.FullName, limits);
            if (!entries.TryAdd(name, entry))
                throw Corrupt();
        }
        return entries;
    }

    private void CheckContentTypes()
    {
        if (!Has("[Content_Types].xml") || !Has("xl/workbook.xml"))
            throw Refused("Tệp là zip nhưng không phải bảng tính .xlsx (thiếu xl/workbook.xml).",
                "The file is a zip but not an .xlsx workbook (xl/workbook.xml is missing).");
        Read("[Content_Types].xml", xml =>
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                    continue;
                var type = xml.GetAttribute("ContentType") ?? "";
                if (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
                    throw Refused("Tệp là bảng tính có macro (.xlsm); chỉ nhận .xlsx.", "The file is a macro-enabled workbook (.xlsm); only .xlsx is accepted.");
                if (type.Contains("externalLink", StringComparison.OrdinalIgnoreCase))
                    throw Refused("Tệp có liên kết tới bảng tính khác (external links); hãy dán giá trị (Paste Values) rồi gửi lại.",
                        "The file links to other workbooks (external links); paste the values (Paste Values) and send it again.");
            }
            return 0;
        });
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');

    internal static XlsxRefusedException Refused(string vi, string en) => new(Language.Pick(vi, en));

    private static XlsxRefusedException Corrupt() =>
        Refused("Tệp .xlsx bị hỏng (cấu trúc zip không đọc được); hãy mở và lưu lại bằng Excel.",
            "The .xlsx file is damaged (its zip structure cannot be read); open it and save it again in Excel.");

    private XlsxRefusedException Bomb(string part) => Bomb(part, _limits);

    private static XlsxRefusedException Bomb(string part, XlsxLimits limits)
    {
        var mb = limits.MaxUncompressedBytes / (1024.0 * 1024);
        return Refused(
            $"Tệp bị từ chối: phần '{ImportConflict.Quote(part)}' giải nén quá lớn so với kích thước tệp (giới hạn {mb:0.##} MB khi giải nén, tỷ lệ nén tối đa {limits.MaxRatio:0}) — có thể là zip bomb.",
            $"The file is refused: the part '{ImportConflict.Quote(part)}' inflates far beyond the file's size (limit {mb:0.##} MB inflated, compression ratio at most {limits.MaxRatio:0}) — possibly a zip bomb.");
    }

    private sealed class CountingStream(Stream inner, Action<int> counted) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            counted(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
