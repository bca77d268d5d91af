namespace ChildDashboard.Core.Services;

// What an administrative change answers: done, or why not (in the user's language), nothing changed.
public sealed record AdminResult(IReadOnlyList<string> Errors)
{
    public static readonly AdminResult Success = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AdminResult Failed(params string[] errors) => new(errors);
}
