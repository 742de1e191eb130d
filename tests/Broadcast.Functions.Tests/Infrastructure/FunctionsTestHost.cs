using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Broadcast.Durable;
using Broadcast.Ilvb.Simulator;
using Broadcast.Sessions;
using Broadcast.Sessions.Tests;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Broadcast.Functions.Tests;

/// <summary>
/// The Functions app's functions on Durable Task's own worker, client and in-process backend (over gRPC on a loopback
/// port), registered as the app registers them, with the simulator on another loopback port as the vendor. The
/// session service reaches Durable Task through the app's per-invocation client, as an HTTP or queue function does.
/// </summary>
public sealed class FunctionsTestHost : IAsyncDisposable
{
    private readonly DurableTaskTestHost durable;

    private FunctionsTestHost(DurableTaskTestHost durable, IlvbSimulator simulator)
    {
        this.durable = durable;
        Simulator = simulator;
        Sessions = durable.Services.GetRequiredService<SessionService>();
        Logs = durable.Services.GetRequiredService<FakeLogCollector>();
    }

    public IlvbSimulator Simulator { get; }

    public SessionService Sessions { get; }

    /// <summary>The app's container, as the Functions runtime builds it.</summary>
    public IServiceProvider Services => durable.Services;

    public FakeLogCollector Logs { get; }

    /// <summary>Durable Task's own client, as the <c>[DurableClient]</c> binding hands it to a function.</summary>
    public Microsoft.DurableTask.Client.DurableTaskClient DurableClient => durable.Client;

    public static async Task<FunctionsTestHost> StartAsync()
    {
        var simulator = await IlvbSimulator.StartAsync(new SimulatorOptions());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ilvb:BaseUrl"] = simulator.BaseUrl.ToString(),
            ["Ilvb:SdkAppId"] = SimulatorOptions.DefaultSdkAppId.ToString(CultureInfo.InvariantCulture),
            ["Ilvb:Identifier"] = "admin",
            ["Ilvb:UserSig"] = "test-user-sig",
            ["Ilvb:RequestTimeout"] = "00:00:05",
            ["Host:ApiKey"] = "test-api-key",
            ["Sessions:StartRetry:FirstDelay"] = "00:00:00.050",
            ["Sessions:StartRetry:MaxDelay"] = "00:00:00.200",
            ["Sessions:StopRetry:FirstDelay"] = "00:00:00.050",
            ["Sessions:StopRetry:MaxDelay"] = "00:00:00.200",
        }).Build();

        var options = new DurableTaskTestHostOptions
        {
            Port = FreeLoopbackPort(),
            ConfigureServices = services =>
            {
                services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information)).AddFakeLogging();
                services.AddBroadcastSessions(configuration);

                services.AddBroadcastFunctionServices(configuration);

                // The app's JSON reaches Durable Task through the worker's serializer (WorkerOptions.Serializer), which
                // the Functions extension turns into Durable Task's data converter; here it is that converter.
                services.AddSingleton<DataConverter>(new JsonDataConverter(DurableJson.Options));

                // The Functions runtime builds each function class from the container.
                services.AddTransient<SessionOrchestratorFunctions>();
                services.AddTransient<SessionActivityFunctions>();
                services.AddTransient<SessionsFunctions>();
                services.AddTransient<RoomsFunctions>();
                services.AddTransient<QueueFunctions>();
            },
        };

        try
        {
            // Durable Task builds orchestrators without the container; the Functions runtime builds them from it.
            IServiceProvider? container = null;
            var durable = await DurableTaskTestHost.StartAsync(
                tasks => Register(tasks, () => container ?? throw new InvalidOperationException("The worker ran before the host started.")),
                options);
            container = durable.Services;
            return new FunctionsTestHost(durable, simulator);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Binds Durable Task's client to the calling test's flow, as each HTTP and queue function of the app does with its
    /// <c>[DurableClient]</c> parameter. Synchronous, so the binding stays with the caller.
    /// </summary>
    public IDisposable BindClient() => InvocationOrchestrationClient.Use(durable.Client);

    public Task<SessionView> WaitForAsync(string sessionId, Func<SessionView, bool> condition, string what) =>
        Poll.UntilAsync(async () => (await Sessions.GetAsync(sessionId, CancellationToken.None))!, v => v is not null && condition(v),
            $"session {sessionId}: {what}");

    public Task<SessionView> WaitForStatusAsync(string sessionId, SessionStatus status) =>
        WaitForAsync(sessionId, v => v.Status == status, $"status {status}");

    /// <summary>Waits until the orchestration finished and returns the session's view with its result.</summary>
    public async Task<SessionView> WaitForEndAsync(string sessionId)
    {
        using var deadline = new CancellationTokenSource(Poll.DefaultDeadline);
        await durable.Client.WaitForInstanceCompletionAsync(sessionId, getInputsAndOutputs: false, deadline.Token);
        var view = (await Sessions.GetAsync(sessionId, CancellationToken.None))!;
        Assert.NotNull(view.Result);
        return view;
    }

    public void AssertNothingLeftRunning()
    {
        Assert.Empty(Simulator.State.ActivePushes);
        Assert.Empty(Simulator.State.ActiveRecordings);
    }

    public async ValueTask DisposeAsync()
    {
        await durable.DisposeAsync();
        await Simulator.DisposeAsync();
    }

    // The names are the app's function names; the types stand in for the Functions runtime's binding.
    private static void Register(DurableTaskRegistry tasks, Func<IServiceProvider> container)
    {
        tasks.AddOrchestrator(SessionOrchestrations.BroadcastSession,
            () => new BroadcastSessionTask(container().GetRequiredService<SessionOrchestratorFunctions>()));
        tasks.AddOrchestrator(SessionOrchestrations.RecurringSchedule,
            () => new RecurringScheduleTask(container().GetRequiredService<SessionOrchestratorFunctions>()));
        tasks.AddActivity<StartPushTask>(SessionActivities.StartPush);
        tasks.AddActivity<StopPushTask>(SessionActivities.StopPush);
        tasks.AddActivity<StartRecordingTask>(SessionActivities.StartRecording);
        tasks.AddActivity<StopRecordingTask>(SessionActivities.StopRecording);
        tasks.AddActivity<CreateScheduledSessionTask>(SessionActivities.CreateScheduledSession);
    }

    // The test host would otherwise pick a random port, which two test classes running at once could share.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
