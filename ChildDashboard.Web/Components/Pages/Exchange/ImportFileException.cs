namespace ChildDashboard.Web.Components.Pages.Exchange;

// A file refused as a whole, with the reason in the user's language; nothing was read from it.
public sealed class ImportFileException(string message) : Exception(message);
