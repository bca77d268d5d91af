using ChildDashboard.Core.Domain;

namespace ChildDashboard.Core.Services;

// An approver's question on one value of a form being returned.
public sealed record ValueQuestion(int ElementId, string Option, string Text);

public enum StepOutcome
{
    Done,
    // The step is not allowed from the form's status (e.g. approving a draft).
    WrongStatus,
    Forbidden,
    // Error rules fail, or warnings have no comment (submitting), or a message is missing.
    Blocked,
    Invalid,
}

public sealed record StepResult(StepOutcome Outcome, FormStatus Status, string? Message, IReadOnlyList<FormMessage> Blocking)
{
    public bool Succeeded => Outcome == StepOutcome.Done;
}
