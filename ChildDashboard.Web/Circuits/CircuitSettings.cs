using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChildDashboard.Web.Circuits;

// Settings for many open pages, from configuration: `Circuits` binds Blazor's CircuitOptions and
// `Circuits:Hub` the circuit hub's SignalR HubOptions, under their own property names, and
// `Circuits:Trim` when memory is given back after many pages close (README, "Many open pages",
// lists the values and why).
public static class CircuitSettings
{
    public static IServerSideBlazorBuilder AddCircuitSettings(this IServerSideBlazorBuilder builder, IConfiguration configuration)
    {
        builder.Services.TryAddSingleton<CircuitCensus>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCensusHandler>());
        builder.AddCircuitOptions(options => configuration.GetSection("Circuits").Bind(options));
        builder.AddHubOptions(options => configuration.GetSection("Circuits:Hub").Bind(options));
        builder.Services.Configure<CircuitTrimOptions>(configuration.GetSection("Circuits:Trim"));
        // A live update renders the open pages one after another on a pool thread; with only as many
        // threads as cores to start with, a write's request waits for the pool to grow (starvation).
        if (configuration.GetValue<int?>("Circuits:MinWorkerThreads") is { } minWorkers)
        {
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, minWorkers), io);
        }
        builder.Services.AddHostedService<CircuitMemoryTrimmer>();
        return builder;
    }
}
