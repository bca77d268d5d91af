namespace ChildDashboard.Core.Exchange;

// What makes a CSV file malformed (exchange.md §1). Each one refuses the file; none is repaired.
public enum CsvProblem
{
    TextAfterClosingQuote,
    QuoteInUnquotedField,
    UnclosedQuote,
    LoneCarriageReturn,
    ControlCharacter,
    ByteOrderMark,
}
