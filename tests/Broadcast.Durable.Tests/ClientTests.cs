namespace Broadcast.Durable.Tests;

public sealed class ClientTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<EngineHarness> StartAsync() => EngineHarness.StartAsync(_folder.DatabasePath, b => b
        .AddOrchestrator<string, string>("Echo", (_, x) => Task.FromResult("echo " + x))
        .AddOrchestrator<string, string>("Waits", async (ctx, _) => await ctx.WaitForExternalEvent<string>("go")), TestClock.Create());

    [Fact]
    public async Task Schedule_ExistingUnfinishedId_ThrowsInstanceAlreadyExists()
    {
        await using var engine = await StartAsync();
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", options: new StartOrchestrationOptions("r1:u1:k"));

        var error = await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", options: new StartOrchestrationOptions("r1:u1:k")));

        Assert.Equal("r1:u1:k", error.InstanceId);
    }

    [Fact]
    public async Task Schedule_FinishedId_ReplacesTheInstance()
    {
        await using var engine = await StartAsync();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "one", new StartOrchestrationOptions("same"));
        await engine.WaitAsync(id);

        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "two", new StartOrchestrationOptions("same"));
        var second = await engine.WaitAsync(id);

        Assert.Equal("echo two", second.ReadOutputAs<string>());
        Assert.Equal(1, (await engine.Client.GetHistoryAsync(id)).Count(e => e.Kind == HistoryEventKind.ExecutionStarted));
    }

    [Fact]
    public async Task Schedule_WithoutId_GeneratesOne()
    {
        await using var engine = await StartAsync();

        var a = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "a");
        var b = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "b");

        Assert.False(string.IsNullOrWhiteSpace(a));
        Assert.NotEqual(a, b);
        Assert.Equal("echo b", (await engine.WaitAsync(b)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Schedule_WithStartAt_StaysPendingUntilThen()
    {
        await using var engine = await StartAsync();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            "Echo", "later", new StartOrchestrationOptions("delayed", TestClock.Start.AddHours(1)));

        var pending = await engine.Client.GetInstanceAsync(id);
        engine.FakeClock.Advance(TimeSpan.FromMinutes(59));
        var stillPending = await engine.Client.GetInstanceAsync(id);
        engine.FakeClock.Advance(TimeSpan.FromMinutes(1));
        var done = await engine.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, stillPending!.RuntimeStatus);
        Assert.Equal("echo later", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task EventRaised_BeforeADelayedStart_IsDeliveredOnceItStarts()
    {
        await using var engine = await StartAsync();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            "Waits", options: new StartOrchestrationOptions("early-event", TestClock.Start.AddMinutes(30)));

        await engine.Client.RaiseEventAsync(id, "go", "queued before start");
        var pending = await engine.Client.GetInstanceAsync(id);
        engine.FakeClock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending!.RuntimeStatus);
        Assert.Equal("queued before start", (await engine.WaitAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Schedule_UnknownOrchestrator_IsRejected_NamingIt()
    {
        await using var engine = await StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.ScheduleNewOrchestrationInstanceAsync("Nope"));

        Assert.Contains("'Nope'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_PendingInstance_EndsItWithoutRunning()
    {
        await using var engine = await StartAsync();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            "Echo", "never", new StartOrchestrationOptions("t", TestClock.Start.AddHours(1)));

        await engine.Client.TerminateInstanceAsync(id, "cancelled");
        var done = await engine.WaitAsync(id);
        engine.FakeClock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal(0, Database.CountMessages(engine.DatabasePath, id));
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    [Fact]
    public async Task Query_FiltersByStatusPrefixAndCreation_AndPages()
    {
        await using var engine = await StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await engine.WaitAsync(await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x", new StartOrchestrationOptions($"r1:u1:done{i}")));
        }

        engine.FakeClock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 3; i++)
        {
            await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", options: new StartOrchestrationOptions($"r1:u1:wait{i}"));
        }

        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", options: new StartOrchestrationOptions("r1:u10:other"));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", options: new StartOrchestrationOptions("r2:u1:other"));

        var prefixed = await QueryAllAsync(engine, new OrchestrationQuery { InstanceIdPrefix = "r1:u1:", PageSize = 3 });
        var completed = await engine.Client.QueryInstancesAsync(new OrchestrationQuery
        {
            Statuses = [OrchestrationRuntimeStatus.Completed], FetchInputsAndOutputs = true,
        });
        var recent = await engine.Client.QueryInstancesAsync(new OrchestrationQuery { CreatedFrom = TestClock.Start.AddSeconds(30) });

        Assert.Equal(8, prefixed.Count);
        Assert.Equal(prefixed.OrderBy(m => m.InstanceId, StringComparer.Ordinal).Select(m => m.InstanceId), prefixed.Select(m => m.InstanceId));
        Assert.All(prefixed, m => Assert.StartsWith("r1:u1:", m.InstanceId, StringComparison.Ordinal));
        Assert.Equal(5, completed.Instances.Count);
        Assert.All(completed.Instances, m => Assert.Equal("echo x", m.ReadOutputAs<string>()));
        Assert.Null(completed.ContinuationToken);
        Assert.Equal(5, recent.Instances.Count);
    }

    [Fact]
    public async Task GetAndQuery_WithoutInputsAndOutputs_GiveStatusAndFailure_ButNoInputOutputOrCustomStatus()
    {
        await using var engine = await EngineHarness.StartAsync(_folder.DatabasePath, b => b
            .AddOrchestrator<string, string>("Fails", (ctx, x) =>
            {
                ctx.SetCustomStatus("trying " + x);
                throw new InvalidOperationException("broke on " + x);
            }), TestClock.Create());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Fails", "input");
        await engine.WaitAsync(id);

        var bare = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: false);
        var listed = Assert.Single((await engine.Client.QueryInstancesAsync(new OrchestrationQuery())).Instances);
        var full = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true);

        foreach (var metadata in new[] { bare!, listed })
        {
            Assert.Equal((id, "Fails", OrchestrationRuntimeStatus.Failed), (metadata.InstanceId, metadata.Name, metadata.RuntimeStatus));
            Assert.Equal("broke on input", metadata.FailureDetails?.ErrorMessage);
            Assert.Equal((null, null, null), (metadata.SerializedInput, metadata.SerializedOutput, metadata.SerializedCustomStatus));
        }

        Assert.Equal("broke on input", full!.FailureDetails?.ErrorMessage);
        Assert.Equal(("input", "trying input"), (full.ReadInputAs<string>(), full.ReadCustomStatusAs<string>()));
    }

    [Fact]
    public async Task Query_BadPageSize_IsRejected_NamingTheSetting()
    {
        await using var engine = await StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            engine.Client.QueryInstancesAsync(new OrchestrationQuery { PageSize = 0 }));

        Assert.Contains("PageSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForCompletion_ReturnsWhenTheInstanceFinishes_WithoutTheClockMoving()
    {
        await using var engine = await StartAsync();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        var wait = engine.WaitAsync(id);
        await engine.WaitForHistoryAsync(id, h => h.Count > 0, "the instance to start");
        Assert.False(wait.IsCompleted);

        await engine.Client.RaiseEventAsync(id, "go", "now");

        Assert.Equal("now", (await wait).ReadOutputAs<string>());
    }

    [Fact]
    public async Task GetInstance_Unknown_IsNull_AndWaitForIt_Throws()
    {
        await using var engine = await StartAsync();

        Assert.Null(await engine.Client.GetInstanceAsync("missing"));
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => engine.Client.WaitForInstanceCompletionAsync("missing"));
    }

    [Fact]
    public async Task BadInstanceIds_AreRejected()
    {
        await using var engine = await StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.GetInstanceAsync(" "));
        await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.RaiseEventAsync("a\nb", "e"));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", options: new StartOrchestrationOptions(new string('x', 2000))));
    }

    private static async Task<List<OrchestrationMetadata>> QueryAllAsync(EngineHarness engine, OrchestrationQuery query)
    {
        var all = new List<OrchestrationMetadata>();
        string? token = null;
        do
        {
            var page = await engine.Client.QueryInstancesAsync(query with { ContinuationToken = token });
            Assert.True(page.Instances.Count <= query.PageSize);
            all.AddRange(page.Instances);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }
}
