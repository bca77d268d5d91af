using System.Text;
using System.Text.Json;
using ChildDashboard.Core.Exchange;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ChildDashboard.Web.Api;

// Reads an import body (CSV, JSON, or a file in multipart/form-data) within the size limit.
// Failure is the HTTP answer to give: 400 unreadable, 413 too large, 415 unsupported.
public static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Parsed<T>(List<T> Rows, List<ImportConflict> Conflicts);

    public static async Task<(Parsed<T>? Body, IResult? Failure)> ReadAsync<T>(
        HttpContext http, long maxBytes, Func<TextReader, (List<T>, List<ImportConflict>)> readCsv,
        Func<JsonDocument, (List<T>, List<ImportConflict>)>? readJson, CancellationToken ct)
    {
        if (http.Request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;

        try
        {
            var mediaType = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value ?? "" : "";
            if (mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var form = await http.Request.ReadFormAsync(ct);
                if (form.Files.GetFile("file") is not { } file)
                    return (null, Problems.Result(400, "No file", "Send the file in the form field 'file'."));
                if (file.Length > maxBytes)
                    return (null, TooLarge(maxBytes));
                await using var stream = file.OpenReadStream();
                return await ReadAsync(Path.GetExtension(file.FileName).ToLowerInvariant() switch
                {
                    ".csv" => "text/csv",
                    ".json" => "application/json",
                    var other => other,
                }, stream, maxBytes, readCsv, readJson, ct);
            }
            return await ReadAsync(mediaType, http.Request.Body, maxBytes, readCsv, readJson, ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        // A malformed CSV file is not here: it is a conflict where it breaks (409), like any rejected row.
        catch (Exception e) when (e is JsonException or DecoderFallbackException or InvalidDataException)
        {
            return (null, Problems.Result(400, "Unreadable body", e is DecoderFallbackException ? "The text is not UTF-8." : e.Message));
        }
    }

    private static async Task CopyWithinAsync(Stream source, Stream target, long maxBytes, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > maxBytes)
                throw new BadHttpRequestException("Too large", StatusCodes.Status413PayloadTooLarge);
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    private static async Task<(Parsed<T>?, IResult?)> ReadAsync<T>(
        string mediaType, Stream stream, long maxBytes, Func<TextReader, (List<T>, List<ImportConflict>)> readCsv,
        Func<JsonDocument, (List<T>, List<ImportConflict>)>? readJson, CancellationToken ct)
    {
        switch (mediaType.ToLowerInvariant())
        {
            // Not text/plain: a cross-site HTML form can send that without asking the server first.
            case "text/csv" or "application/csv":
            {
                // Buffered (within the limit) so that a slow client cannot hold the CSV parser on a synchronous read.
                using var buffer = new MemoryStream();
                await CopyWithinAsync(stream, buffer, maxBytes, ct);
                buffer.Position = 0;
                using var reader = new StreamReader(buffer, StrictUtf8, detectEncodingFromByteOrderMarks: true);
                var (rows, conflicts) = readCsv(reader);
                return (new Parsed<T>(rows, conflicts), null);
            }
            case "application/json" when readJson is not null:
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
                var (rows, conflicts) = readJson(document);
                return (new Parsed<T>(rows, conflicts), null);
            }
            default:
                return (null, Problems.Result(415, "Unsupported format",
                    $"'{mediaType}' is not accepted here: send text/csv{(readJson is null ? "" : " or application/json")}, or a .csv file in multipart/form-data. Excel files are not accepted by the API yet."));
        }
    }

    private static IResult TooLarge(long maxBytes) =>
        Problems.Result(413, "Too large", $"The limit is {maxBytes / (1024 * 1024)} MB (setting Import:MaxFileBytes).");
}
