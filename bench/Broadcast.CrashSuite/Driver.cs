using Broadcast.Sessions;

namespace Broadcast.CrashSuite;

/// <summary>
/// Plays the plan against the host: each session is requested at its moment (HTTP or queue), its anchor joins the
/// simulator's room and the join is signalled (four ways), and some are cancelled, all while the host may be dead.
/// </summary>
internal sealed class Driver(RunPlan plan, HostApi api, QueueSender queues, SimulatorProcess simulator, TimeProvider time)
{
    private static readonly TimeSpan ExistencePoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ExistenceDeadline = TimeSpan.FromMinutes(3);
    private int _requested;
    private int _joins;
    private int _cancels;

    public IReadOnlyList<SessionTrace> Traces { get; } = [.. plan.Sessions.Select(session => new SessionTrace(session))];

    public int Requested => Volatile.Read(ref _requested);

    public int Joins => Volatile.Read(ref _joins);

    public int Cancels => Volatile.Read(ref _cancels);

    public Task RunAsync(DateTimeOffset start, CancellationToken cancellationToken) =>
        Task.WhenAll(Traces.Select(trace => RunSessionAsync(trace, start, cancellationToken)));

    private async Task RunSessionAsync(SessionTrace trace, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var session = trace.Plan;
        try
        {
            await DelayUntilAsync(start + session.CreateAt, cancellationToken);
            if (session.CreateVia == Channel.Http)
            {
                trace.CreateRepeated = !await api.CreateAsync(session.Request, cancellationToken);
            }
            else
            {
                await queues.SendSessionRequestAsync(session.Request, cancellationToken);
            }

            trace.Requested = true;
            Interlocked.Increment(ref _requested);
            if (!await WaitUntilExistsAsync(session, cancellationToken))
            {
                trace.Error = $"the host did not show the session within {ExistenceDeadline.TotalMinutes} min of its request";
                return;
            }

            trace.Existed = true;
            var existsAt = time.GetUtcNow();
            await Task.WhenAll(JoinAsync(trace, existsAt, cancellationToken), CancelAsync(trace, existsAt, cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            trace.Error = e.Message;
        }
    }

    private async Task<bool> WaitUntilExistsAsync(SessionPlan session, CancellationToken cancellationToken)
    {
        if (session.CreateVia == Channel.Http)
        {
            return true;
        }

        var until = time.GetUtcNow() + ExistenceDeadline;
        while (await api.GetAsync(session.SessionId, cancellationToken) is null)
        {
            if (time.GetUtcNow() > until)
            {
                return false;
            }

            await Task.Delay(ExistencePoll, time, cancellationToken);
        }

        return true;
    }

    private async Task JoinAsync(SessionTrace trace, DateTimeOffset existsAt, CancellationToken cancellationToken)
    {
        var session = trace.Plan;
        if (session.JoinAfter is not { } after)
        {
            return;
        }

        await DelayUntilAsync(existsAt + after, cancellationToken);
        await simulator.JoinAsync(session.RoomId, session.UserId, cancellationToken);
        trace.Join = session.JoinVia switch
        {
            JoinSignal.HttpSession => Describe(await api.SignalAsync(session.SessionId, "user-joined", cancellationToken)),
            JoinSignal.HttpRoom => (await api.SignalRoomAsync(session.RoomId, session.UserId, cancellationToken)).Contains(session.SessionId)
                ? "delivered"
                : "no running session waited",
            JoinSignal.QueueSession => await QueueAsync(new UserJoinedMessage { SessionId = session.SessionId }, cancellationToken),
            _ => await QueueAsync(new UserJoinedMessage { RoomId = session.RoomId, UserId = session.UserId }, cancellationToken),
        };
        trace.JoinSentAt = time.GetUtcNow();
        Interlocked.Increment(ref _joins);
    }

    private async Task CancelAsync(SessionTrace trace, DateTimeOffset existsAt, CancellationToken cancellationToken)
    {
        if (trace.Plan.CancelAfter is not { } after)
        {
            return;
        }

        await DelayUntilAsync(existsAt + after, cancellationToken);
        trace.Cancel = Describe(await api.SignalAsync(trace.Plan.SessionId, "cancel", cancellationToken));
        Interlocked.Increment(ref _cancels);
    }

    private async Task<string> QueueAsync(UserJoinedMessage message, CancellationToken cancellationToken)
    {
        await queues.SendUserJoinedAsync(message, cancellationToken);
        return "queued";
    }

    private static string Describe(SignalResult result) => result switch
    {
        SignalResult.Delivered => "delivered",
        SignalResult.AlreadyFinished => "already finished",
        _ => "not found",
    };

    private async Task DelayUntilAsync(DateTimeOffset moment, CancellationToken cancellationToken)
    {
        var wait = moment - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
