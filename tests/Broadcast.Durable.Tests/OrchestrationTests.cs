using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Durable.Tests;

public sealed class OrchestrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ActivityChain_Completes_WithOutputFromEveryActivity()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<int, int>("Double", (_, x, _) => Task.FromResult(x * 2))
            .AddOrchestrator<int, int>("Chain", async (ctx, x) =>
            {
                var a = await ctx.CallActivityAsync<int>("Double", x);
                var c = await ctx.CallActivityAsync<int>("Double", a);
                return await ctx.CallActivityAsync<int>("Double", c);
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 3);
        var done = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(24, done.ReadOutputAs<int>());
        Assert.Equal(3, done.ReadInputAs<int>());
        var history = await engine.Client.GetHistoryAsync(id);
        Assert.Equal(3, history.Count(e => e.Kind == HistoryEventKind.TaskScheduled));
        Assert.Equal(3, history.Count(e => e.Kind == HistoryEventKind.TaskCompleted));
        Assert.Equal(HistoryEventKind.ExecutionCompleted, history[^1].Kind);
    }

    [Fact]
    public async Task ClassOrchestratorAndActivity_AreCreatedFromDependencyInjection()
    {
        var counter = new InvocationCounter();
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b =>
        {
            b.Services.AddSingleton(counter);
            b.AddOrchestrator<GreetingOrchestrator>(nameof(GreetingOrchestrator));
            b.AddActivity<GreetActivity>(nameof(GreetActivity));
        }, TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetingOrchestrator), "Ada");
        var done = await engine.WaitAsync(id);

        Assert.Equal("Hello Ada (from instance " + id + ")", done.ReadOutputAs<string>());
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task ActivityException_ReachesOrchestration_AsTaskFailedWithDetails()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Fail", (_, _, _) => throw new CodedException("E42", "vendor said no", new InvalidOperationException("inner cause")))
            .AddOrchestrator<string, TaskFailureDetails?>("Catcher", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallActivityAsync<string>("Fail");
                    return null;
                }
                catch (TaskFailedException failed)
                {
                    Assert.Equal("Fail", failed.TaskName);
                    return failed.FailureDetails;
                }
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Catcher");
        var details = (await engine.WaitAsync(id)).ReadOutputAs<TaskFailureDetails>();

        Assert.NotNull(details);
        Assert.Equal(typeof(CodedException).FullName, details.ErrorType);
        Assert.Equal("vendor said no", details.ErrorMessage);
        Assert.Equal("E42", details.ErrorCode);
        Assert.Equal(typeof(InvalidOperationException).FullName, details.InnerFailure?.ErrorType);
        Assert.Equal("inner cause", details.InnerFailure?.ErrorMessage);
    }

    [Fact]
    public async Task UnhandledException_FailsInstance_WithFailureDetails()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<string, string>("Fail", (_, _, _) => throw new CodedException("E7", "activity broke"))
            .AddOrchestrator<string, string>("Unhandled", async (ctx, _) => await ctx.CallActivityAsync<string>("Fail"))
            .AddOrchestrator<string, string>("Throws", (_, _) => throw new FormatException("bad input")), TestClock.Create());

        var viaActivity = await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Unhandled"));
        var direct = await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Throws"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, viaActivity.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, viaActivity.FailureDetails?.ErrorType);
        Assert.Equal("E7", viaActivity.FailureDetails?.InnerFailure?.ErrorCode);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, direct.RuntimeStatus);
        Assert.Equal(typeof(FormatException).FullName, direct.FailureDetails?.ErrorType);
        Assert.Equal("bad input", direct.FailureDetails?.ErrorMessage);
    }

    [Fact]
    public async Task UnregisteredActivity_FailsTheCall_NamingTheActivity()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("CallsGhost", async (ctx, _) => await ctx.CallActivityAsync<string>("Ghost")), TestClock.Create());

        var done = await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("CallsGhost"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("'Ghost'", done.FailureDetails?.InnerFailure?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomStatus_SetOnlyWhileReplaying_IsKept_AndALaterOneReplacesIt()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<int, int>("Double", (_, x, _) => Task.FromResult(x * 2))
            .AddOrchestrator<string, string>("Statuses", async (ctx, _) =>
            {
                ctx.SetCustomStatus(new { Phase = "first" });
                var doubled = await ctx.CallActivityAsync<int>("Double", 21);
                await ctx.WaitForExternalEvent<string>("go");
                ctx.SetCustomStatus(new { Phase = "second", Doubled = doubled });
                return await ctx.WaitForExternalEvent<string>("end");
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Statuses");
        // The step that applies the activity's result only replays the first status: it must still be the one stored.
        await Eventually.TrueAsync(async () => (await engine.Client.GetHistoryAsync(id)).Any(e => e.Kind == HistoryEventKind.TaskCompleted), "activity result");
        var afterReplay = (await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.SerializedCustomStatus;
        await engine.Client.RaiseEventAsync(id, "go", "now");
        await Eventually.TrueAsync(async () => (await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus?.Contains("second", StringComparison.Ordinal) == true, "second status");

        Assert.Equal("""{"phase":"first"}""", afterReplay);
        Assert.Equal("""{"phase":"second","doubled":42}""", (await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.SerializedCustomStatus);
    }

    [Fact]
    public async Task CustomStatus_IsVisibleWhileRunning()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Status", async (ctx, _) =>
            {
                ctx.SetCustomStatus(new { Phase = "waiting" });
                return await ctx.WaitForExternalEvent<string>("go");
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Status");
        await Eventually.TrueAsync(async () => (await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus is not null, "custom status");
        var running = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        var statusOnly = await engine.Client.GetInstanceAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Running, running!.RuntimeStatus);
        Assert.Equal("""{"phase":"waiting"}""", running.SerializedCustomStatus);
        Assert.Null(statusOnly!.SerializedCustomStatus); // as in Durable Task: only with the inputs and outputs
    }

    [Fact]
    public async Task ContextValues_AreDeterministicAcrossReplays()
    {
        var seen = new List<(Guid Guid, DateTime Now, bool Replaying)>();
        // No cache: every step rebuilds the code from history by replaying it.
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<int, int>("Noop", (_, x, _) => Task.FromResult(x))
            .AddOrchestrator<string, string>("Replays", async (ctx, _) =>
            {
                lock (seen)
                {
                    seen.Add((ctx.NewGuid(), ctx.CurrentUtcDateTime, ctx.IsReplaying));
                }

                await ctx.CallActivityAsync<int>("Noop", 1);
                await ctx.CallActivityAsync<int>("Noop", 2);
                return "ok";
            }), TestClock.Create(), o => o.MaxCachedInstances = 0);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Replays");
        await engine.WaitAsync(id);

        Assert.Equal(3, seen.Count);
        Assert.All(seen, s => Assert.Equal(seen[0].Guid, s.Guid));
        Assert.All(seen, s => Assert.Equal(TestClock.Start.UtcDateTime, s.Now));
        Assert.Equal([false, true, true], seen.Select(s => s.Replaying));
    }

    [Fact]
    public async Task CachedInstance_ResumesItsCodeWithoutReplaying_WhileItsActivitiesAreOut()
    {
        var starts = 0;
        var replayedInChain = false;
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<int, int>("Double", (_, x, _) => Task.FromResult(2 * x))
            .AddOrchestrator<int, int>("Chain", async (ctx, x) =>
            {
                Interlocked.Increment(ref starts);
                for (var i = 0; i < 5; i++)
                {
                    replayedInChain |= ctx.IsReplaying;
                    x = await ctx.CallActivityAsync<int>("Double", x);
                }

                return x + await ctx.WaitForExternalEvent<int>("add");
            }), TestClock.Create());

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 1);
        await Eventually.TrueAsync(() => Task.FromResult(engine.Engine.Statistics.StepsCommitted >= 6), "five activities done, waiting for the event");
        var startsInChain = starts;
        var replayedBeforeEvent = replayedInChain;
        await engine.Client.RaiseEventAsync(id, "add", 3);
        var done = await engine.WaitAsync(id);

        Assert.Equal("35", done.SerializedOutput);
        Assert.Equal(1, startsInChain); // six steps, one run of the code
        Assert.False(replayedBeforeEvent);
        Assert.Equal(2, starts); // waiting for an event, it kept only its history: the event's step replayed it
    }

    [Fact]
    public async Task EvictedInstance_ReplaysFromHistoryAndEndsTheSame()
    {
        var gate = new Gate();
        var runs = new Dictionary<int, int>();
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<int, int>("Hold", async (_, x, ct) =>
            {
                await gate.PassAsync(ct);
                return x;
            })
            .AddActivity<int, int>("Double", (_, x, _) => Task.FromResult(2 * x))
            .AddOrchestrator<int, int>("Chain", async (ctx, x) =>
            {
                lock (runs)
                {
                    runs[x] = runs.GetValueOrDefault(x) + 1;
                }

                var held = x == 1 ? await ctx.CallActivityAsync<int>("Hold", x) : x;
                return await ctx.CallActivityAsync<int>("Double", held) + 100;
            }), TestClock.Create(), o => o.MaxCachedInstances = 1);

        // With room for one cached instance, the second instance's steps evict the first one's code while its activity is out.
        var first = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 1);
        await Eventually.TrueAsync(() => Task.FromResult(gate.Arrived == 1), "the first instance's activity to start");
        var second = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Chain", 5);
        Assert.Equal("110", (await engine.WaitAsync(second)).SerializedOutput);
        gate.Open();

        Assert.Equal("102", (await engine.WaitAsync(first)).SerializedOutput);
        Assert.Equal(2, runs[1]); // started once, replayed once after the eviction
        Assert.Equal(1, runs[5]);
    }

    [Fact]
    public async Task ReplaySafeLogger_WritesEachLineOnce()
    {
        var logs = new CapturingLoggerProvider();
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<int, int>("Noop", (_, x, _) => Task.FromResult(x))
            .AddOrchestrator<string, string>("Logs", async (ctx, _) =>
            {
                var logger = ctx.CreateReplaySafeLogger("Orchestration");
                Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "before");
                await ctx.CallActivityAsync<int>("Noop", 1);
                Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "after");
                await ctx.CallActivityAsync<int>("Noop", 2);
                return "ok";
            }), TestClock.Create(), logs: logs);

        await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Logs"));

        Assert.Equal(["before", "after"], logs.Messages("Orchestration"));
    }

    [Fact]
    public async Task WhenAll_OverActivities_ReturnsEveryResult()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<int, int>("Square", (_, x, _) => Task.FromResult(x * x))
            .AddOrchestrator<int, int[]>("FanOut", async (ctx, n) =>
                await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)))), TestClock.Create());

        var done = await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 10));

        Assert.Equal(Enumerable.Range(1, 10).Select(i => i * i), done.ReadOutputAs<int[]>()!);
    }

    [Fact]
    public async Task ManyConcurrentInstances_AllCompleteWithCorrectOutputs()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<int, int>("Inc", (_, x, _) => Task.FromResult(x + 1))
            .AddOrchestrator<int, int>("Twice", async (ctx, x) =>
                await ctx.CallActivityAsync<int>("Inc", await ctx.CallActivityAsync<int>("Inc", x))), TestClock.Create());

        var ids = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Twice", i * 10, new StartOrchestrationOptions($"many-{i:D4}"))));
        var results = await Task.WhenAll(ids.Select(id => engine.WaitAsync(id, seconds: 90)));

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, results[i].RuntimeStatus);
            Assert.Equal((i * 10) + 2, results[i].ReadOutputAs<int>());
        }
    }

    [Fact]
    public async Task Activities_RunNoMoreThanMaxConcurrentActivitiesAtOnce()
    {
        var gate = new Gate();
        var running = 0;
        var peak = 0;
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddActivity<int, int>("Bounded", async (_, x, ct) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await gate.PassAsync(ct);
                Interlocked.Decrement(ref running);
                return x;
            })
            .AddOrchestrator<int, int>("FanOutBounded", async (ctx, n) =>
                (await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<int>("Bounded", i)))).Sum()),
            TestClock.Create(), o => o.MaxConcurrentActivities = 2);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("FanOutBounded", 8);
        await Eventually.TrueAsync(() => gate.Arrived == 2, "two activities to run");
        var queued = Database.CountActivities(engine.DatabasePath, id);
        gate.Open();
        var done = await engine.WaitAsync(id);

        Assert.Equal(8, queued);
        Assert.Equal(28, done.ReadOutputAs<int>());
        Assert.Equal(2, peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public sealed class InvocationCounter
    {
        private int _count;

        public int Count => _count;

        public void Increment() => Interlocked.Increment(ref _count);
    }

    public sealed class GreetingOrchestrator : IOrchestrator<string, string>
    {
        public async Task<string> RunAsync(IOrchestrationContext context, string input) =>
            await context.CallActivityAsync<string>(nameof(GreetActivity), input);
    }

    public sealed class GreetActivity(InvocationCounter counter) : IActivity<string, string>
    {
        public Task<string> RunAsync(IActivityContext context, string input, CancellationToken cancellationToken)
        {
            counter.Increment();
            return Task.FromResult($"Hello {input} (from instance {context.InstanceId})");
        }
    }
}
