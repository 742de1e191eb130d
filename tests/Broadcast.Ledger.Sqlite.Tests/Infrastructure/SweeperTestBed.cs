using Broadcast.Durable;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Ledger.Sqlite.Tests;

/// <summary>
/// What a host wires up, without HTTP: the real engine on a SQLite file, the sessions, the SQLite leak ledger in a
/// file beside it, the sweeper, and the simulator on loopback as the vendor. Started again on the same folder it
/// resumes where the previous one stopped, as a restarted (or redeployed) host does.
/// </summary>
public sealed class SweeperTestBed : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly IReadOnlyList<IHostedService> hosted;

    private SweeperTestBed(ServiceProvider services, IReadOnlyList<IHostedService> hosted)
    {
        this.services = services;
        this.hosted = hosted;
    }

    public SessionService Sessions => services.GetRequiredService<SessionService>();

    public IOrchestrationClient Client => services.GetRequiredService<IOrchestrationClient>();

    public ILeakLedger Ledger => services.GetRequiredService<ILeakLedger>();

    public LeakSweeper Sweeper => services.GetRequiredService<LeakSweeper>();

    public IServiceProvider Services => services;

    /// <summary>
    /// Starts on <paramref name="folder"/>. <paramref name="orchestration"/> registers the session orchestration (the
    /// released one by default); <paramref name="settings"/> override the test defaults (fast retries, no grace).
    /// </summary>
    public static async Task<SweeperTestBed> StartAsync(
        TempFolder folder, IlvbSimulator simulator, Action<IDurableEngineBuilder>? orchestration = null,
        IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null)
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
            ["Sweeper:Grace"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (clock is not null)
        {
            collection.AddSingleton<TimeProvider>(clock);
        }

        var engine = collection.AddDurableEngine(o => o.DatabasePath = folder.File("broadcast.db"))
            .AddActivity<StartPushActivity>(SessionActivities.StartPush)
            .AddActivity<StopPushActivity>(SessionActivities.StopPush)
            .AddActivity<StartRecordingActivity>(SessionActivities.StartRecording)
            .AddActivity<StopRecordingActivity>(SessionActivities.StopRecording);
        (orchestration ?? (e => e.AddOrchestrator<BroadcastSessionOrchestrator>(SessionOrchestrations.BroadcastSession)))(engine);
        collection.AddBroadcastSessions(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        collection.AddSqliteLeakLedger(configure: o => o.DatabasePath = folder.File("broadcast.ledger.db"));

        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return new SweeperTestBed(provider, hosted);
    }

    /// <summary>Creates a session, lets its anchor join, and waits until it is live.</summary>
    public async Task<string> StartLiveSessionAsync(IlvbSimulator simulator, SessionRequest request)
    {
        var created = await Sessions.CreateAsync(request, CancellationToken.None);
        simulator.State.JoinUser(request.RoomId, request.UserId);
        Assert.Equal(SignalResult.Delivered, await Sessions.SignalUserJoinedAsync(created.SessionId, CancellationToken.None));
        await Poll.UntilAsync(() => Sessions.GetAsync(created.SessionId, CancellationToken.None), v => v?.Status == SessionStatus.Live,
            $"session {created.SessionId} live");
        return created.SessionId;
    }

    /// <summary>Waits until the instance finished (completed, failed or terminated).</summary>
    public async Task<OrchestrationMetadata> WaitForEndAsync(string sessionId)
    {
        using var deadline = new CancellationTokenSource(Poll.DefaultDeadline);
        return await Client.WaitForInstanceCompletionAsync(sessionId, getInputsAndOutputs: false, deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in hosted.Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await services.DisposeAsync();
    }
}
