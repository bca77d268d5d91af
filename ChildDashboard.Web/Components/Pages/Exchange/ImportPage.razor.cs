using System.Globalization;
using ChildDashboard.Core.Exchange;
using ChildDashboard.Core.Exchange.Xlsx;
using ChildDashboard.Core.Identity;
using ChildDashboard.Core.Services;
using ChildDashboard.Web.Account;
using ChildDashboard.Web.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace ChildDashboard.Web.Components.Pages.Exchange;

// Upload → read (with progress) → dry run shown as a preview → commit, which re-checks and refuses
// any change the preview did not show. The rows stay in the circuit between preview and commit.
public partial class ImportPage
{
    private enum Stage { Choose, Reading, Checking, Preview, Committing, Done }

    private const int Chunk = 64 * 1024;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private CatalogueCache Catalogues { get; set; } = null!;

    [Inject]
    private DataValueImportService Values { get; set; } = null!;

    [Inject]
    private TargetImportService Targets { get; set; } = null!;

    [Inject]
    private IOptions<ImportOptions> Options { get; set; } = null!;

    private readonly CancellationTokenSource _closing = new();
    private UserAccess? _access;
    private bool _mayImportTargets;
    private IReadOnlyDictionary<string, string> _optionNames = new Dictionary<string, string>();
    private ImportKind _kind = ImportKind.Values;
    private Stage _stage = Stage.Choose;
    private string? _fileName;
    private int _percent;
    private string? _refusal;
    private ImportFile? _file;
    private ImportReport? _preview;
    private ImportReport? _result;

    private long MaxBytes => Options.Value.MaxFileBytes;

    protected override async Task OnInitializedAsync()
    {
        var catalogue = await Catalogues.GetAsync();
        if (AuthenticationState is not null)
            _access = CurrentUser.Access((await AuthenticationState).User, catalogue);
        _mayImportTargets = _access?.CanManageTargets(_access.Scope) == true;
        var vietnamese = Core.Domain.Language.IsVietnamese;
        _optionNames = catalogue.Options.GroupBy(o => o.OptionCode).ToDictionary(g => g.Key, g => vietnamese ? g.First().NameVi : g.First().NameEn);
    }

    private void KindChanged(ImportKind kind)
    {
        _kind = kind == ImportKind.Targets && _mayImportTargets ? kind : ImportKind.Values;
        Reset();
    }

    private void Reset()
    {
        (_stage, _fileName, _percent, _refusal, _file, _preview, _result) = (Stage.Choose, null, 0, null, null, null, null);
    }

    private async Task FileChosenAsync(InputFileChangeEventArgs e)
    {
        Reset();
        var chosen = e.File;
        _fileName = chosen.Name;
        if (chosen.Size > MaxBytes)
        {
            _refusal = L["ImportTooLarge", Megabytes(chosen.Size), Megabytes(MaxBytes)];
            return;
        }
        var ct = _closing.Token;
        _stage = Stage.Reading;
        StateHasChanged();
        var content = new MemoryStream(checked((int)chosen.Size));
        await using (var upload = chosen.OpenReadStream(MaxBytes, ct))
        {
            var buffer = new byte[Chunk];
            int read;
            while ((read = await upload.ReadAsync(buffer, ct)) > 0)
            {
                content.Write(buffer, 0, read);
                var percent = chosen.Size == 0 ? 100 : (int)(content.Length * 100 / chosen.Size);
                if (percent != _percent)
                {
                    _percent = percent;
                    StateHasChanged();
                }
            }
        }
        content.Position = 0;
        _stage = Stage.Checking;
        StateHasChanged();
        try
        {
            _file = await Task.Run(() => Read(chosen.Name, content), ct);
        }
        catch (ImportFileException refused)
        {
            (_stage, _refusal) = (Stage.Choose, refused.Message);
            return;
        }
        finally
        {
            await content.DisposeAsync();
        }
        _preview = _file.Refused ?? await _file.ImportAsync(Context(dryRun: true), ct);
        _stage = Stage.Preview;
    }

    private ImportFile Read(string name, MemoryStream content)
    {
        var limits = XlsxLimits.From(Options.Value);
        return _kind == ImportKind.Targets && _mayImportTargets
            ? ImportFile.Read(name, content, new RequestBody.Readers<TargetRow>(TargetCsv.Read, null, s => TargetXlsx.Read(s, limits)), Targets.ImportAsync)
            : ImportFile.Read(name, content, new RequestBody.Readers<DataValueRow>(DataValueCsv.Read, null, s => DataValueXlsx.Read(s, limits)), Values.ImportAsync);
    }

    private async Task CommitAsync()
    {
        if (_file is null || _preview is not { Succeeded: true } preview)
            return;
        _stage = Stage.Committing;
        StateHasChanged();
        _result = await _file.ImportAsync(Context(dryRun: false) with { Previewed = preview.Changes }, _closing.Token);
        _file = null;
        _stage = Stage.Done;
    }

    private ImportContext Context(bool dryRun) =>
        new(_access?.UserName ?? throw new InvalidOperationException("No user."), _access.ScopeOrNullIfNational?.Id, dryRun);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.CurrentCulture);

    private static string Count(int count) => count.ToString("N0", CultureInfo.CurrentCulture);

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }
}
