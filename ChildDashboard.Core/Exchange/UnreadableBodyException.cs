namespace ChildDashboard.Core.Exchange;

// A body that cannot be read as the format it claims (broken JSON, a duplicate property, a lone
// surrogate): refused whole with this message in the user's language, never partly imported.
public sealed class UnreadableBodyException(string message) : FormatException(message);
