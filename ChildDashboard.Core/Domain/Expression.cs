using System.Diagnostics.CodeAnalysis;

namespace ChildDashboard.Core.Domain;

// A numerator or denominator: `1`, a data element code, an option `CODE.MALE`, or a sum `A+B`.
public sealed record Expression(IReadOnlyList<ExpressionTerm> Terms)
{
    public static readonly Expression One = new([]);

    public bool IsOne => Terms.Count == 0;

    public IEnumerable<string> ElementCodes => Terms.Select(t => t.ElementCode);

    public static Expression Parse(string text) =>
        TryParse(text, out var expression, out var error) ? expression : throw new FormatException(error);

    public static bool TryParse(string? text, out Expression expression, [NotNullWhen(false)] out string? error)
    {
        expression = One;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "An expression is required.";
            return false;
        }
        if (text.Trim() == "1")
            return true;

        var terms = new List<ExpressionTerm>();
        foreach (var part in text.Split('+'))
        {
            var term = part.Trim();
            var dot = term.IndexOf('.');
            var code = dot < 0 ? term : term[..dot];
            var option = dot < 0 ? null : term[(dot + 1)..];
            if (code.Length == 0 || option is { Length: 0 })
            {
                error = $"'{text}' is not an expression: expected CODE, CODE.OPTION or A+B.";
                return false;
            }
            terms.Add(new ExpressionTerm(code, option));
        }
        expression = new Expression(terms);
        return true;
    }
}
