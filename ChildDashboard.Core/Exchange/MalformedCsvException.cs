using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Exchange;

// The first malformed record of a CSV file. Row is the spreadsheet row where the record starts (the
// header is row 1), Line the line where it starts in a text editor: they differ once a quoted field
// has spanned lines. Column is the 1-based field position, ColumnName the header's name for it when
// the header has been read. The message is in the user's language.
public sealed class MalformedCsvException(CsvProblem problem, int row, int line, int column, string? columnName, string rawValue)
    : FormatException(Describe(problem, row, line, column, columnName))
{
    public CsvProblem Problem => problem;

    public int Row => row;

    public int Line => line;

    public int Column => column;

    public string? ColumnName => columnName;

    public string RawValue => rawValue;

    private static string Describe(CsvProblem problem, int row, int line, int column, string? columnName)
    {
        var name = string.IsNullOrEmpty(columnName) ? "" : $" ({columnName})";
        var vietnamese = problem switch
        {
            CsvProblem.TextAfterClosingQuote => "có ký tự ngay sau dấu ngoặc kép đóng. Dấu ngoặc kép bên trong một giá trị phải được viết đôi (\"\").",
            CsvProblem.QuoteInUnquotedField => "có dấu ngoặc kép trong một giá trị không đặt trong ngoặc kép. Hãy đặt giá trị trong ngoặc kép và viết đôi dấu ngoặc kép bên trong (\"a\"\"b\").",
            CsvProblem.UnclosedQuote => "dấu ngoặc kép mở giá trị này không bao giờ được đóng.",
            CsvProblem.LoneCarriageReturn => "sau giá trị này có ký tự CR đứng một mình (không có LF). Hãy lưu tệp với kiểu xuống dòng CRLF hoặc LF.",
            CsvProblem.ControlCharacter => "có ký tự điều khiển (U+0000–U+001F hoặc U+007F, trừ tab), không được phép trong tệp CSV; tệp có thể không phải văn bản UTF-8.",
            _ => "có dấu BOM (U+FEFF), chỉ được phép ở đầu tệp; có thể hai tệp đã bị ghép lại.",
        };
        var english = problem switch
        {
            CsvProblem.TextAfterClosingQuote => "there is text right after the closing quote. A quote inside a value must be doubled (\"\").",
            CsvProblem.QuoteInUnquotedField => "a quote appears in a value that is not enclosed in quotes. Enclose the value in quotes and double the quote inside (\"a\"\"b\").",
            CsvProblem.UnclosedQuote => "the quote that opens this value is never closed.",
            CsvProblem.LoneCarriageReturn => "a carriage return (CR) without a line feed follows this value. Save the file with CRLF or LF line endings.",
            CsvProblem.ControlCharacter => "it holds a control character (U+0000–U+001F or U+007F, tab excepted), which a CSV file may not contain; the file may not be UTF-8 text.",
            _ => "it holds a byte order mark (U+FEFF), which is only allowed at the start of the file; were two files joined?",
        };
        return Language.Pick(
            $"Tệp CSV bị lỗi ở dòng {row}{(line == row ? "" : $" (dòng {line} trong trình soạn thảo văn bản)")}, cột {column}{name}: {vietnamese} Phần còn lại của tệp chưa được đọc.",
            $"Malformed CSV at row {row}{(line == row ? "" : $" (line {line} in a text editor)")}, column {column}{name}: {english} The rest of the file was not read.");
    }
}
