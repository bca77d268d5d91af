using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Exchange.Xlsx;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ChildDashboard.Web.Api;

// Reads an import body (CSV, JSON, or one file in multipart/form-data) within the size limit.
// Failure is the HTTP answer to give: 400 unreadable (not UTF-8, broken or ambiguous JSON, a
// truncated or ambiguous form), 413 too large, 415 unsupported. Nothing is imported then.
public static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The data value set is three levels deep; anything much deeper is not one.
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Locate points the conflicts of an .xlsx at its sheet and column letters; CSV and JSON keep theirs.
    public sealed record Parsed<T>(List<T> Rows, ImportConflicts Conflicts, Func<ImportReport, ImportReport>? Locate = null)
    {
        public ImportReport Located(ImportReport report) => Locate is null ? report : Locate(report);
    }

    // How each accepted format is read; a null reader means the format is not accepted here.
    public sealed record Readers<T>(
        Func<TextReader, (List<T>, ImportConflicts)> Csv, Func<JsonDocument, (List<T>, ImportConflicts)>? Json, Func<Stream, XlsxImport<T>>? Xlsx);

    public static async Task<(Parsed<T>? Body, IResult? Failure)> ReadAsync<T>(HttpContext http, long maxBytes, Readers<T> readers, CancellationToken ct)
    {
        var readJson = readers.Json;
        if (http.Request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;

        try
        {
            if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType))
                return (null, Unsupported(http.Request.ContentType ?? "", readJson is not null, readers.Xlsx is not null));
            if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                return (null, Problems.Result(415, Language.Pick(
                    $"Chỉ nhận văn bản UTF-8, không nhận charset={contentType.Charset}.", $"Only UTF-8 text is accepted, not charset={contentType.Charset}.")));
            }
            var mediaType = contentType.MediaType.Value ?? "";
            if (mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var form = await http.Request.ReadFormAsync(ct);
                if (form.Files.Count != 1 || !form.Files[0].Name.Equals("file", StringComparison.Ordinal))
                {
                    return (null, Problems.Result(400, form.Files.Count > 1
                        ? Language.Pick($"Biểu mẫu có {form.Files.Count} tệp; hãy gửi đúng một tệp trong trường 'file'.",
                            $"The form holds {form.Files.Count} files; send exactly one, in the field 'file'.")
                        : Language.Pick("Hãy gửi tệp trong trường 'file' của biểu mẫu.", "Send the file in the form field 'file'.")));
                }
                var file = form.Files[0];
                if (file.Length > maxBytes)
                    return (null, TooLarge(maxBytes));
                await using var stream = file.OpenReadStream();
                return await ReadAsync(Path.GetExtension(file.FileName).ToLowerInvariant() switch
                {
                    ".csv" => "text/csv",
                    ".json" => "application/json",
                    ".xlsx" => XlsxMediaType,
                    var other => other,
                }, stream, maxBytes, readers, ct);
            }
            return await ReadAsync(mediaType, http.Request.Body, maxBytes, readers, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        // A malformed CSV file is not here: it is a conflict where it breaks (409), like any rejected row.
        catch (DecoderFallbackException)
        {
            return (null, NotUtf8());
        }
        catch (XlsxRefusedException e)
        {
            return (null, Problems.Result(400, e.Message));
        }
        catch (UnreadableBodyException e)
        {
            return (null, Problems.Result(400, e.Message));
        }
        catch (JsonException e)
        {
            return (null, Problems.Result(400, Language.Pick(
                $"Nội dung JSON không hợp lệ ở dòng {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}.",
                $"The JSON is not valid at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}.")));
        }
        // A form whose parts or boundary are broken, or that ends before its closing boundary.
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, Problems.Result(400, Language.Pick(
                "Nội dung multipart/form-data bị cắt ngang hoặc sai cấu trúc; không có gì được nhập.",
                "The multipart/form-data body is truncated or malformed; nothing was imported.")));
        }
    }

    private static async Task<MemoryStream> BufferAsync(Stream source, long maxBytes, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            if (total > maxBytes)
                throw new BadHttpRequestException("Too large", StatusCodes.Status413PayloadTooLarge);
            await buffer.WriteAsync(chunk.AsMemory(0, read), ct);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static async Task<(Parsed<T>?, IResult?)> ReadAsync<T>(string mediaType, Stream stream, long maxBytes, Readers<T> readers, CancellationToken ct)
    {
        var (readCsv, readJson, readXlsx) = readers;
        switch (mediaType.ToLowerInvariant())
        {
            // Not text/plain: a cross-site HTML form can send that without asking the server first.
            case "text/csv" or "application/csv":
            {
                // Buffered (within the limit) so that a slow client cannot hold the CSV parser on a synchronous read.
                // A UTF-16 byte order mark is not taken as a hint: the text must be UTF-8.
                using var buffer = await BufferAsync(stream, maxBytes, ct);
                using var reader = new StreamReader(buffer, StrictUtf8, detectEncodingFromByteOrderMarks: false);
                var (rows, conflicts) = readCsv(reader);
                return (new Parsed<T>(rows, conflicts), null);
            }
            case "application/json" when readJson is not null:
            {
                // The JSON reader does not check that strings are valid UTF-8 until they are read, so the whole body is checked first.
                using var buffer = await BufferAsync(stream, maxBytes, ct);
                var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
                if (bytes.Span.StartsWith("\uFEFF"u8))
                    bytes = bytes[3..];
                if (!Utf8.IsValid(bytes.Span))
                    return (null, NotUtf8());
                using var document = JsonDocument.Parse(bytes, JsonOptions);
                var (rows, conflicts) = readJson(document);
                return (new Parsed<T>(rows, conflicts), null);
            }
            case XlsxMediaType when readXlsx is not null:
            {
                // A zip is read from its end (the central directory), so the body is buffered within the limit.
                using var buffer = await BufferAsync(stream, maxBytes, ct);
                var read = readXlsx(buffer);
                return (new Parsed<T>(read.Rows, read.Conflicts, read.Locate), null);
            }
            default:
                return (null, Unsupported(mediaType, readJson is not null, readXlsx is not null));
        }
    }

    private static IResult Unsupported(string mediaType, bool json, bool xlsx)
    {
        var quoted = ImportConflict.Quote(mediaType);
        var files = xlsx ? ".csv hoặc .xlsx" : ".csv";
        var filesEn = xlsx ? ".csv or .xlsx" : ".csv";
        return Problems.Result(415, Language.Pick(
            $"Không nhận định dạng '{quoted}' ở đây: hãy gửi text/csv{(json ? ", application/json" : "")}{(xlsx ? $", {XlsxMediaType}" : "")}, hoặc một tệp {files} trong multipart/form-data.",
            $"'{quoted}' is not accepted here: send text/csv{(json ? ", application/json" : "")}{(xlsx ? $", {XlsxMediaType}" : "")}, or a {filesEn} file in multipart/form-data."));
    }

    private static IResult NotUtf8() =>
        Problems.Result(400, Language.Pick("Nội dung không phải văn bản UTF-8.", "The text is not UTF-8."));

    private static IResult TooLarge(long maxBytes) =>
        Problems.Result(413, Language.Pick(
            $"Giới hạn là {maxBytes / (1024.0 * 1024):0.##} MB (thiết lập Import:MaxFileBytes).",
            $"The limit is {maxBytes / (1024.0 * 1024):0.##} MB (setting Import:MaxFileBytes)."));
}
