using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ChildDashboard.Core.Services.Settings;

// Lays the settings page's values over the configuration's for the options the app reads (not for
// the ConfiguredName copy), and tells the options monitor when they change.
public sealed class SettingsOverrides<T>(SettingsStore store) : IPostConfigureOptions<T>, IOptionsChangeTokenSource<T> where T : class
{
    public string Name => Options.DefaultName;

    public void PostConfigure(string? name, T options)
    {
        if (name == Options.DefaultName)
            SettingsStore.Apply(options, store.Overrides);
    }

    public IChangeToken GetChangeToken() => store.ChangeToken;
}
