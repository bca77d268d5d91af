using System.Text;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Exchange.Xlsx;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Api;

namespace ChildDashboard.Web.Components.Pages.Exchange;

// An uploaded file read into rows, with the problems found while reading, and how to import those
// rows (a dry run for the preview, then the commit) through the same service as the API.
public sealed class ImportFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Func<ImportContext, CancellationToken, Task<ImportReport>> _import;
    private readonly Func<ImportReport, ImportReport> _locate;

    private ImportFile(int rows, ImportReport? refused, Func<ImportContext, CancellationToken, Task<ImportReport>> import, Func<ImportReport, ImportReport> locate)
    {
        (RowCount, Refused, _import, _locate) = (rows, refused, import, locate);
    }

    public int RowCount { get; }

    // The rows could not all be read (a malformed CSV, a wrong sheet, bad cells): nothing to preview.
    public ImportReport? Refused { get; }

    public async Task<ImportReport> ImportAsync(ImportContext context, CancellationToken ct) => _locate(await _import(context, ct));

    // Reads a .csv or .xlsx already within the size limit. Throws ImportFileException with the reason when the file
    // cannot be read at all (not UTF-8, not a workbook, a zip bomb, macros...).
    public static ImportFile Read<T>(
        string fileName, MemoryStream content, RequestBody.Readers<T> readers,
        Func<IReadOnlyList<T>, ImportContext, CancellationToken, Task<ImportReport>> import)
    {
        try
        {
            var (rows, conflicts, locate) = Path.GetExtension(fileName).ToLowerInvariant() switch
            {
                ".csv" => Csv(content, readers),
                ".xlsx" when readers.Xlsx is { } xlsx => Xlsx(xlsx(content)),
                _ => throw new ImportFileException(Language.Pick(
                    $"Không nhận tệp '{ImportConflict.Quote(fileName)}': chỉ nhận tệp .csv hoặc .xlsx.",
                    $"'{ImportConflict.Quote(fileName)}' is not accepted: only .csv and .xlsx files are.")),
            };
            var refused = conflicts.Total > 0 ? locate(ImportReport.Failed(dryRun: true, conflicts)) : null;
            return new ImportFile(rows.Count, refused, (context, ct) => import(rows, context, ct), locate);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFileException(Language.Pick("Tệp không phải văn bản UTF-8: hãy lưu lại dưới dạng CSV UTF-8.", "The file is not UTF-8 text: save it again as CSV UTF-8."));
        }
        catch (Exception e) when (e is XlsxRefusedException or UnreadableBodyException)
        {
            throw new ImportFileException(e.Message);
        }
    }

    private static (List<T>, ImportConflicts, Func<ImportReport, ImportReport>) Csv<T>(MemoryStream content, RequestBody.Readers<T> readers)
    {
        using var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: false);
        var (rows, conflicts) = readers.Csv(reader);
        return (rows, conflicts, report => report);
    }

    private static (List<T>, ImportConflicts, Func<ImportReport, ImportReport>) Xlsx<T>(XlsxImport<T> read) =>
        (read.Rows, read.Conflicts, read.Locate);
}
