using System.Text;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange.Xlsx;

namespace ChildDashboard.Core.Exchange;

// A targets file picked on the targets page, read by its name: .xlsx (the `Targets` sheet) or
// CSV in UTF-8, with the readers of POST /api/v1/targets. What cannot be read is a conflict.
public static class TargetFile
{
    public sealed record Read(IReadOnlyList<TargetRow> Rows, IReadOnlyList<ImportConflict> Conflicts, Func<ImportConflict, ImportConflict> Locate);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Read Open(string fileName, byte[] content, ImportOptions options)
    {
        try
        {
            if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                var xlsx = TargetXlsx.Read(new MemoryStream(content, writable: false), XlsxLimits.From(options));
                return new Read(xlsx.Rows, [.. xlsx.Conflicts.Select(xlsx.Locate)], xlsx.Locate);
            }
            using var reader = new StreamReader(new MemoryStream(content, writable: false), StrictUtf8, detectEncodingFromByteOrderMarks: false);
            var (rows, conflicts) = TargetCsv.Read(reader);
            return new Read(rows, conflicts.InRowOrder(), c => c);
        }
        catch (DecoderFallbackException)
        {
            return Refused(Language.Pick("Tệp CSV phải được lưu dạng UTF-8.", "The CSV file must be saved as UTF-8."));
        }
        catch (XlsxRefusedException e)
        {
            return Refused(e.Message);
        }
    }

    private static Read Refused(string message) => new([], [new ImportConflict(0, "", null, message)], c => c);
}
