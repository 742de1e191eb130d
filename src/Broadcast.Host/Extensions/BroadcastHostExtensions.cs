using System.Text.Json.Serialization;
using Broadcast.Durable;
using Broadcast.Ledger.Sqlite;
using Broadcast.Sessions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Broadcast.Host;

/// <summary>Registers everything the embedded host runs: engine, sessions, backend, HTTP API, queues and telemetry.</summary>
public static class BroadcastHostExtensions
{
    /// <summary>
    /// Adds the host's services. Reads <c>Host</c>, <c>Queues</c>, <c>Engine</c>, <c>Sessions</c>, <c>Ilvb</c>, <c>Ledger</c> and
    /// <c>Sweeper</c> from configuration (the leak ledger's file defaults to one beside the engine's); without an ILVB
    /// endpoint (<c>Ilvb:BaseUrl</c> or <c>Ilvb:Environment</c>) the simulator serves as the backend in-process.
    /// </summary>
    public static IHostApplicationBuilder AddBroadcastHost(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        AddDefaults(builder);

        services.AddOptions<HostOptions>().Bind(configuration.GetSection(HostOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HostOptions>, HostOptionsValidator>();
        services.AddOptions<QueueOptions>().Bind(configuration.GetSection(QueueOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddDurableEngine(configuration.GetSection("Engine"))
            .AddOrchestrator<BroadcastSessionOrchestrator>(SessionOrchestrations.BroadcastSession)
            .AddOrchestrator<RecurringScheduleOrchestrator>(SessionOrchestrations.RecurringSchedule)
            .AddActivity<StartPushActivity>(SessionActivities.StartPush)
            .AddActivity<StopPushActivity>(SessionActivities.StopPush)
            .AddActivity<StartRecordingActivity>(SessionActivities.StartRecording)
            .AddActivity<StopRecordingActivity>(SessionActivities.StopRecording)
            .AddActivity<CreateScheduledSessionActivity>(SessionActivities.CreateScheduledSession);
        services.AddBroadcastSessions(configuration);
        services.AddRoomEvents(configuration);
        services.AddSqliteLeakLedger(configuration.GetSection(SqliteLeakLedgerOptions.SectionName), o =>
        {
            if (string.IsNullOrWhiteSpace(o.DatabasePath))
            {
                o.DatabasePath = LedgerPaths.BesideEngine(configuration["Engine:DatabasePath"]);
            }
        });
        // Before the sweeper and the listeners: the ledger is written before every start call.
        services.AddHostedService<LedgerStartupCheck>();
        services.AddHostedService<LeakSweeperService>();

        if (EmbeddedSimulator.IsWanted(configuration))
        {
            builder.AddEmbeddedSimulator();
        }

        AddHttp(services);

        if (configuration.GetSection(QueueOptions.SectionName).Get<QueueOptions>() is { Enabled: true })
        {
            services.AddHostedService<SessionRequestsListener>();
            services.AddHostedService<UserJoinedListener>();
            services.AddHostedService<UserLeftListener>();
        }

        services.AddSingleton<HostMetrics>();
        services.AddBroadcastTelemetry(configuration.GetSection(HostOptions.SectionName).Get<HostOptions>() ?? new HostOptions());
        services.AddSingleton<StartupSummary>();
        return builder;
    }

    /// <summary>
    /// Defaults that every other configuration source overrides: the loopback address, the database file in
    /// <c>data/</c>, and quieter framework logs.
    /// </summary>
    private static void AddDefaults(IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var defaults = new Dictionary<string, string?>
        {
            ["Engine:DatabasePath"] = Path.GetFullPath(HostOptions.DefaultDatabasePath, builder.Environment.ContentRootPath),
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging:LogLevel:Azure"] = "Warning",
        };

        var portsSet = !string.IsNullOrEmpty(configuration["http_ports"]) || !string.IsNullOrEmpty(configuration["https_ports"]);
        if (!portsSet)
        {
            defaults["urls"] = HostOptions.DefaultUrl;
        }

        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = defaults });
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
    }

    private static void AddHttp(IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusProblems.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        // Read from configuration, not IOptions<HostOptions>: validating HostOptions needs the server, whose options these are.
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((kestrel, configuration) =>
            kestrel.Limits.MaxRequestBodySize = configuration.GetSection(HostOptions.SectionName).Get<HostOptions>()?.MaxRequestBodyBytes
                ?? new HostOptions().MaxRequestBodyBytes);
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<EngineHealthCheck>("engine");
    }
}
