namespace ChildDashboard.Core.Exchange.Xlsx;

// A file refused whole before its cells are read (not a zip, a zip bomb, macros, external links, a
// DTD): the message, in the user's language, says why. Nothing in it is imported.
public sealed class XlsxRefusedException(string message) : FormatException(message);
