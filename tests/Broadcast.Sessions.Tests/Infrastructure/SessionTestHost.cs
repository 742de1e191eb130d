using Broadcast.Durable;
using Broadcast.Ilvb.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Sessions.Tests;

/// <summary>
/// The sessions on the real engine (a SQLite file in a temp folder) with the simulator on a loopback port as the
/// vendor: what a host wires up, without HTTP. Optionally on a fake clock (engine, sessions and client alike).
/// </summary>
public sealed class SessionTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly IReadOnlyList<IHostedService> hostedServices;
    private readonly DirectoryInfo folder;
    private readonly IDictionary<string, string?>? settings;
    private bool handedOver;

    private SessionTestHost(ServiceProvider services, IReadOnlyList<IHostedService> hostedServices, DirectoryInfo folder, IlvbSimulator simulator,
        FakeTimeProvider? clock, IDictionary<string, string?>? settings)
    {
        this.services = services;
        this.hostedServices = hostedServices;
        this.folder = folder;
        this.settings = settings;
        Simulator = simulator;
        Clock = clock;
        Sessions = services.GetRequiredService<SessionService>();
        Client = services.GetRequiredService<IOrchestrationClient>();
        Logs = services.GetRequiredService<FakeLogCollector>();
    }

    public IlvbSimulator Simulator { get; }

    public FakeTimeProvider? Clock { get; }

    public SessionService Sessions { get; }

    public IOrchestrationClient Client { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => services;

    /// <summary>
    /// Starts the simulator and the engine. <paramref name="settings"/> override the defaults (fast retries, a short
    /// ILVB timeout); <paramref name="clock"/> replaces the system clock of the engine, the sessions and the client.
    /// </summary>
    public static async Task<SessionTestHost> StartAsync(FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        var folder = Directory.CreateTempSubdirectory("broadcast-sessions-test-");
        return await StartOnAsync(simulator, folder, clock, settings);
    }

    /// <summary>
    /// Stops this host's engine as a process going down would (the SQLite file, the simulator and the clock stay),
    /// runs <paramref name="whileDown"/>, and starts a new host on the same file. This host is spent afterwards.
    /// </summary>
    public async Task<SessionTestHost> RestartAsync(Action? whileDown = null)
    {
        await StopEngineAsync();
        handedOver = true;
        whileDown?.Invoke();
        return await StartOnAsync(Simulator, folder, Clock, settings);
    }

    private static async Task<SessionTestHost> StartOnAsync(
        IlvbSimulator simulator, DirectoryInfo folder, FakeTimeProvider? clock, IDictionary<string, string?>? settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Ilvb:BaseUrl"] = simulator.BaseUrl.ToString(),
            ["Ilvb:SdkAppId"] = SimulatorOptions.DefaultSdkAppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ilvb:Identifier"] = "admin",
            ["Ilvb:UserSig"] = "test-user-sig",
            ["Ilvb:RequestTimeout"] = "00:00:05",
            ["Sessions:StartRetry:FirstDelay"] = "00:00:00.020",
            ["Sessions:StartRetry:MaxDelay"] = "00:00:00.100",
            ["Sessions:StopRetry:FirstDelay"] = "00:00:00.020",
            ["Sessions:StopRetry:MaxDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information)).AddFakeLogging();
        if (clock is not null)
        {
            collection.AddSingleton<TimeProvider>(clock);
        }

        collection.AddDurableEngine(o => o.DatabasePath = Path.Combine(folder.FullName, "sessions.db"))
            .AddOrchestrator<BroadcastSessionOrchestrator>(SessionOrchestrations.BroadcastSession)
            .AddOrchestrator<RecurringScheduleOrchestrator>(SessionOrchestrations.RecurringSchedule)
            .AddActivity<StartPushActivity>(SessionActivities.StartPush)
            .AddActivity<StopPushActivity>(SessionActivities.StopPush)
            .AddActivity<StartRecordingActivity>(SessionActivities.StartRecording)
            .AddActivity<StopRecordingActivity>(SessionActivities.StopRecording)
            .AddActivity<CreateScheduledSessionActivity>(SessionActivities.CreateScheduledSession);
        collection.AddBroadcastSessions(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());

        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return new SessionTestHost(provider, hosted, folder, simulator, clock, settings);
    }

    /// <summary>A collector of one instrument of the sessions' meter.</summary>
    public MetricCollector<T> CollectMetric<T>(string instrument) where T : struct =>
        new(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), SessionMetrics.MeterName, instrument);

    /// <summary>Creates a session and asserts it was created.</summary>
    public async Task<string> CreateAsync(SessionRequest request)
    {
        var created = await Sessions.CreateAsync(request, CancellationToken.None);
        Assert.True(created.Created);
        return created.SessionId;
    }

    /// <summary>Reads the session until <paramref name="condition"/> holds.</summary>
    public Task<SessionView> WaitForAsync(string sessionId, Func<SessionView, bool> condition, string what) =>
        Poll.UntilAsync(async () => (await Sessions.GetAsync(sessionId, CancellationToken.None))!, v => v is not null && condition(v),
            $"session {sessionId}: {what}");

    /// <summary>
    /// Waits until the orchestration itself published <paramref name="phase"/> (not just a view derived before it ran):
    /// its timers of that phase are then stored, so a fake clock may be moved.
    /// </summary>
    public Task<SessionView> WaitForPhaseAsync(string sessionId, string phase) =>
        WaitForAsync(sessionId, v => v.Phase == phase && v.TimelineCount > 0, $"phase {phase}");

    public Task<SessionView> WaitForStatusAsync(string sessionId, SessionStatus status) =>
        WaitForAsync(sessionId, v => v.Status == status, $"status {status}");

    /// <summary>Waits until the session finished and returns its view (with the result).</summary>
    public async Task<SessionView> WaitForEndAsync(string sessionId)
    {
        using var deadline = new CancellationTokenSource(Poll.DefaultDeadline);
        await Client.WaitForInstanceCompletionAsync(sessionId, getInputsAndOutputs: false, deadline.Token);
        var view = (await Sessions.GetAsync(sessionId, CancellationToken.None))!;
        Assert.NotNull(view.Result);
        return view;
    }

    /// <summary>Signals the join, waits for the live status, and returns the view.</summary>
    public async Task<SessionView> JoinAndGoLiveAsync(string sessionId, uint roomId, string userId)
    {
        Simulator.State.JoinUser(roomId, userId);
        Assert.Equal(SignalResult.Delivered, await Sessions.SignalUserJoinedAsync(sessionId, CancellationToken.None));
        return await WaitForStatusAsync(sessionId, SessionStatus.Live);
    }

    /// <summary>Cancels the session and waits for its end.</summary>
    public async Task<SessionView> CancelAndWaitAsync(string sessionId, string? reason = null)
    {
        Assert.Equal(SignalResult.Delivered, await Sessions.CancelAsync(sessionId, reason, CancellationToken.None));
        return await WaitForEndAsync(sessionId);
    }

    /// <summary>The promise every session test ends with: nothing left running at the vendor.</summary>
    public void AssertNothingLeftRunning()
    {
        Assert.Empty(Simulator.State.ActivePushes);
        Assert.Empty(Simulator.State.ActiveRecordings);
    }

    public async ValueTask DisposeAsync()
    {
        if (handedOver)
        {
            // Stopped by RestartAsync; the simulator and the folder belong to the host that took over.
            return;
        }

        await StopEngineAsync();
        await Simulator.DisposeAsync();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still being released on a loaded machine; the temp folder is cleaned by the system.
        }
    }

    private async Task StopEngineAsync()
    {
        foreach (var service in hostedServices.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await services.DisposeAsync();
    }
}
