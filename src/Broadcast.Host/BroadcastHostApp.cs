using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>Builds and runs the embedded host; the program, the demo and the end-to-end tests all start it here.</summary>
public static class BroadcastHostApp
{
    /// <summary>
    /// Builds the host. <paramref name="configure"/> runs before the host's own registrations, so it can add
    /// configuration (which then overrides every default) and services such as a <see cref="TimeProvider"/>.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // No reloading of appsettings on change: options are validated once, at start, and a reload would bypass that.
        // Watching also costs: the watcher covers the content root recursively, where data/ holds the databases, so
        // every database write raised a file-change event for the watcher thread to read. Later args may turn it on.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        configure?.Invoke(builder);
        builder.AddBroadcastHost();
        var app = builder.Build();
        app.MapBroadcastHost();
        return app;
    }

    /// <summary>Runs the host until it is stopped; a configuration error prints its message and returns 1.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            await using var app = Build(args);
            // Validate before the host starts, so a configuration error reads as one message, not a hosting failure.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("The host cannot start: " + string.Join(Environment.NewLine + "  ", e.Failures));
            return 1;
        }
    }
}
