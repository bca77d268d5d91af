using System.Globalization;
using ChildDashboard.Core.Domain;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Notifications;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace ChildDashboard.Web.Components.Pages.Entry;

// One province's quarterly form: cells saved as they are left, their saved state, messages beside
// them, conflicts resolved by the user, and the workflow buttons of the user's role.
public sealed partial class EntryForm
{
    [Inject] private FormService Forms { get; set; } = null!;
    [Inject] private FormWorkflowService Workflow { get; set; } = null!;
    [Inject] private DataChangeNotifier Notifier { get; set; } = null!;
    [Inject] private CatalogueCache Catalogues { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Parameter, EditorRequired] public UserAccess Access { get; set; } = null!;
    [Parameter, EditorRequired] public int UnitId { get; set; }
    [Parameter, EditorRequired] public Period Quarter { get; set; }

    private FormView? _view;
    private readonly Dictionary<string, CellState> _cells = [];
    private readonly HashSet<int> _commenting = [];
    private readonly HashSet<int> _asking = [];
    private readonly Dictionary<int, string> _questions = [];
    private readonly Dictionary<int, List<(string Option, CellChange Change)>> _history = [];
    private IReadOnlyDictionary<string, string> _optionNames = new Dictionary<string, string>();
    private ElementReference _formElement;
    private IJSObjectReference? _module;
    private IDisposable? _subscription;
    private StepResult? _stepResult;
    private string? _stepMessage;
    private bool _busy;

    private bool HasUnsaved => _cells.Values.Any(c => c.IsUnsaved);

    private int Filled => _view?.Cells.Values.Count(c => c.Current.Value is not null) ?? 0;

    private Color StatusColor => _view?.Status switch
    {
        FormStatus.Approved => Color.Success,
        FormStatus.Submitted => Color.Info,
        _ => Color.Default,
    };

    protected override async Task OnInitializedAsync()
    {
        var catalogue = await Catalogues.GetAsync();
        _optionNames = catalogue.Options.GroupBy(o => o.OptionCode).ToDictionary(g => g.Key, g => Language.Pick(g.First().NameVi, g.First().NameEn));
        _subscription = Notifier.Subscribe(OnChangedAsync);
        await ReloadAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_view is null || _module is not null)
            return;
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./entry.js");
            await _module.InvokeVoidAsync("attach", _formElement);
        }
        catch (JSDisconnectedException)
        {
            // The circuit ended before the form rendered: nothing to attach to.
        }
    }

    // Reads the form again; cells being typed, saved or in conflict keep what the user typed.
    private async Task ReloadAsync()
    {
        _view = await Forms.OpenAsync(Access, UnitId, Quarter);
        foreach (var (key, view) in _view.Cells)
        {
            if (!_cells.TryGetValue(key, out var cell))
                _cells[key] = cell = new CellState(view);
            cell.View = view;
            if (!cell.IsUnsaved)
            {
                cell.Text = Show(view.Current.Value);
                cell.Comment = view.Current.Comment;
            }
        }
    }

    private Task OnChangedAsync(ChangeSet changes) =>
        _view is null || !changes.TouchesUnit(UnitId) || !changes.TouchesPeriod(Quarter) && !changes.TouchesPeriod(Quarter.YearPeriod)
            ? Task.CompletedTask
            : InvokeAsync(async () =>
            {
                await ReloadAsync();
                StateHasChanged();
            });

    private async Task OnChangeAsync(CellState cell, string? text)
    {
        cell.Text = text ?? "";
        var element = cell.View.Cell.Element;
        if (!EntryNumber.TryParse(cell.Text, element, Language.IsVietnamese, out var value, out var error))
        {
            cell.State = CellSaveState.Error;
            cell.Error = error;
            return;
        }
        await SaveAsync(cell, value, cell.View.Current.Token, cell.Comment);
    }

    private async Task SaveAsync(CellState cell, double? value, ValueToken? expected, string? comment)
    {
        if (cell.State == CellSaveState.Saving)
        {
            // The previous save of this cell is still running: this one follows it.
            cell.Pending = value;
            return;
        }
        cell.State = CellSaveState.Saving;
        cell.Error = null;
        var c = cell.View.Cell;
        var result = await Forms.SaveAsync(Access, new ValueSave(UnitId, Quarter.Code, c.Element.Id, c.Option, expected, value, comment));
        switch (result.Outcome)
        {
            case SaveOutcome.Saved or SaveOutcome.Unchanged:
                cell.State = CellSaveState.Saved;
                cell.Theirs = null;
                cell.View = cell.View with { Current = result.Current };
                await ReloadAsync();
                cell.Text = Show(result.Current.Value);
                break;
            case SaveOutcome.Conflict:
                cell.State = CellSaveState.Conflict;
                cell.Theirs = result.Current;
                break;
            default:
                cell.State = CellSaveState.Error;
                cell.Error = result.Message;
                break;
        }
        if (cell.Pending is { } pending && cell.State == CellSaveState.Saved && pending != result.Current.Value)
        {
            cell.Pending = null;
            await SaveAsync(cell, pending, result.Current.Token, comment);
        }
        cell.Pending = null;
    }

    // The user keeps their value: saved again against the version they have now seen.
    private Task KeepMineAsync(CellState cell)
    {
        var theirs = cell.Theirs;
        cell.State = CellSaveState.Idle;
        return EntryNumber.TryParse(cell.Text, cell.View.Cell.Element, Language.IsVietnamese, out var value, out _)
            ? SaveAsync(cell, value, theirs?.Token, cell.Comment)
            : Task.CompletedTask;
    }

    private void TakeTheirs(CellState cell)
    {
        if (cell.Theirs is { } theirs)
        {
            cell.View = cell.View with { Current = theirs };
            cell.Text = Show(theirs.Value);
            cell.Comment = theirs.Comment;
        }
        cell.Theirs = null;
        cell.State = CellSaveState.Idle;
    }

    private async Task SaveCommentsAsync(IReadOnlyList<CellState> cells)
    {
        foreach (var cell in cells.Where(c => c.View.Current.Value is not null && (c.Comment ?? "") != (c.View.Current.Comment ?? "")))
            await SaveAsync(cell, cell.View.Current.Value, cell.View.Current.Token, cell.Comment);
    }

    private async Task ToggleHistoryAsync(DataElement element)
    {
        if (_history.Remove(element.Id))
            return;
        var changes = new List<(string, CellChange)>();
        foreach (var cell in _view!.CellsOf(element))
        {
            foreach (var change in await Forms.HistoryAsync(Access, UnitId, cell.Cell.ValuePeriod.Code, element.Id, cell.Cell.Option))
                changes.Add((cell.Cell.Option, change));
        }
        _history[element.Id] = changes.OrderByDescending(c => c.Item2.AtUtc).ToList();
    }

    private static void Toggle(HashSet<int> open, int id)
    {
        if (!open.Remove(id))
            open.Add(id);
    }

    private void Ask(int elementId, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            _questions.Remove(elementId);
        else
            _questions[elementId] = text;
    }

    private Task SubmitAsync() => StepAsync(() => Workflow.SubmitAsync(Access, UnitId, Quarter));

    private Task ApproveAsync() => StepAsync(() => Workflow.ApproveAsync(Access, UnitId, Quarter, _stepMessage));

    // Questions go on the first cell of their element.
    private Task ReturnAsync() => StepAsync(() => Workflow.ReturnAsync(Access, UnitId, Quarter, _stepMessage,
        _questions.Select(q => new ValueQuestion(q.Key, _view!.Cells.Values.First(c => c.Cell.Element.Id == q.Key).Cell.Option, q.Value)).ToList()));

    private Task ReopenAsync() => StepAsync(() => Workflow.ReopenAsync(Access, UnitId, Quarter, _stepMessage ?? ""));

    private async Task StepAsync(Func<Task<StepResult>> step)
    {
        _busy = true;
        try
        {
            _stepResult = await step();
            if (_stepResult.Succeeded)
            {
                _stepMessage = null;
                _questions.Clear();
                _asking.Clear();
                await ReloadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!HasUnsaved || _module is null)
            return;
        if (!await _module.InvokeAsync<bool>("confirmLeave", L["EntryUnsavedWarning"].Value))
            context.PreventNavigation();
    }

    // What is said beside a row: cells' own errors, the rules and unusual values that concern its
    // cells, and open questions of an approver.
    private List<(string Kind, string Text)> RowNotes(DataElement element, IReadOnlyList<CellState> cells)
    {
        var notes = new List<(string, string)>();
        foreach (var cell in cells.Where(c => c.State == CellSaveState.Error && c.Error is not null))
            notes.Add(("error", cells.Count > 1 ? $"{OptionName(cell.View.Cell.Option)}: {cell.Error}" : cell.Error!));
        var keys = cells.Select(c => c.View.Key).ToHashSet();
        foreach (var message in _view!.Messages.Where(m => m.CellKeys.Any(keys.Contains)))
        {
            var kind = message.Severity == ValidationSeverity.Error ? "error" : "warning";
            notes.Add((kind, message.Code == FormMessage.OutlierCode ? message.Text : $"{message.Code}: {message.Text}"));
        }
        foreach (var question in _view.Remarks.Where(r => r.Kind == CommentKind.Return && r.ResolvedAtUtc is null && r.DataElementId == element.Id))
            notes.Add(("question", L["EntryQuestion", question.Author, question.Text]));
        return notes;
    }

    private string ElementNames(FormMessage message) => string.Join(", ", message.CellKeys
        .Select(k => _view!.Cells.TryGetValue(k, out var c) ? c.Cell.Element.Name(Language.IsVietnamese) : k).Distinct());

    private static double? Sum(IEnumerable<double?> values) =>
        values.Aggregate((double?)null, (sum, v) => v is { } x ? (sum ?? 0) + x : sum);

    // The total as typed: a cell whose text does not parse counts with its stored value.
    private double? Total(IReadOnlyList<CellState> cells) => Sum(cells.Select(c =>
        EntryNumber.TryParse(c.Text, c.View.Cell.Element, Language.IsVietnamese, out var v, out _) ? v : c.View.Current.Value));

    private static string Show(double? value) => value is { } v ? Format.Number(v, Math.Floor(v) == v ? 0 : 2) : "";

    private string OptionName(string option) => _optionNames.GetValueOrDefault(option, option);

    private string CellLabel(CellState cell)
    {
        var name = cell.View.Cell.Element.Name(Language.IsVietnamese);
        return cell.View.Cell.Element.IsDisaggregated ? $"{name} — {OptionName(cell.View.Cell.Option)}" : name;
    }

    private string CommentLabel(CellState cell) =>
        cell.View.Cell.Element.IsDisaggregated ? L["EntryCommentFor", OptionName(cell.View.Cell.Option)] : L["EntryComment"];

    private string CellTitle(CellState cell) => cell.State switch
    {
        CellSaveState.Saving => L["EntrySaving"],
        CellSaveState.Saved => cell.View.Current.StoredBy is { } by && cell.View.Current.AtUtc is { } at ? L["EntrySavedBy", by, When(at)] : L["EntrySaved"],
        CellSaveState.Error => cell.Error ?? "",
        CellSaveState.Conflict => L["EntryConflictShort"],
        _ => cell.View.Current.StoredBy is { } who && cell.View.Current.AtUtc is { } when ? L["EntrySavedBy", who, When(when)] : "",
    };

    private static string Mark(CellState cell) => cell.State switch
    {
        CellSaveState.Saving => "…",
        CellSaveState.Saved => "✓",
        CellSaveState.Error => "!",
        CellSaveState.Conflict => "⚠",
        _ => "",
    };

    private static string When(DateTime utc) =>
        (utc + VietnamClock.Offset).ToString("g", CultureInfo.CurrentCulture);

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}
