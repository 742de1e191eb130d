using Broadcast.Durable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Broadcast.Sessions;

/// <summary>
/// What HTTP routes and queue handlers call: create sessions, read them, signal them, and manage recurring
/// schedules. Written against <see cref="IOrchestrationClient"/> only, so both hosts share it.
/// </summary>
public sealed partial class SessionService
{
    /// <summary>The error of a <c>continuationToken</c> that no page of this listing gave.</summary>
    public const string ForeignContinuationToken =
        "is not a token this listing gave: pass the previous page's continuationToken, with the same roomId and userId.";

    private const int MaxQueryPages = 20;

    // The engine's longest instance id.
    private const int MaxContinuationTokenLength = 1024;

    private readonly IOrchestrationClient client;
    private readonly IOptions<SessionOptions> options;
    private readonly SessionMetrics metrics;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<SessionService> logger;
    private readonly ILeakLedger leakLedger;
    private readonly IPresenceBacklog? presenceBacklog;

    /// <summary>Creates the service; <paramref name="presenceBacklog"/> is optional (see <see cref="IPresenceBacklog"/>).</summary>
    public SessionService(
        IOrchestrationClient client, IOptions<SessionOptions> options, SessionMetrics metrics, TimeProvider timeProvider,
        ILogger<SessionService> logger, ILeakLedger leakLedger, IPresenceBacklog? presenceBacklog = null)
    {
        this.presenceBacklog = presenceBacklog;
        this.leakLedger = leakLedger;
        this.client = client;
        this.options = options;
        this.metrics = metrics;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>
    /// Validates <paramref name="request"/> and starts its session. With a key, a repeat of the same request
    /// returns the existing session (<see cref="SessionCreated.Created"/> false); a different request with the
    /// same key throws <see cref="SessionConflictException"/>. Invalid input throws <see cref="SessionValidationException"/>.
    /// </summary>
    public async Task<SessionCreated> CreateAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var settings = options.Value;
        var errors = new ValidationErrors();
        SessionRequestValidator.Validate(request, settings, now, "", template: false, errors);
        errors.ThrowIfAny();

        var key = request.Key ?? Guid.CreateVersion7(now).ToString("N");
        var sessionId = SessionIds.ForSession(request.RoomId, request.UserId, key);
        if (request.Key is not null
            && await client.GetInstanceAsync(sessionId, getInputsAndOutputs: true, cancellationToken) is { } existing)
        {
            return SameOrConflict(existing, request);
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(SessionOrchestrations.BroadcastSession,
                BroadcastSessionInput.Create(request, settings), new StartOrchestrationOptions(sessionId), cancellationToken);
        }
        catch (InstanceAlreadyExistsException)
        {
            // Two creates with the same key raced; the loser answers like a repeat.
            var winner = await client.GetInstanceAsync(sessionId, getInputsAndOutputs: true, cancellationToken);
            return winner is null ? throw new SessionConflictException(sessionId) : SameOrConflict(winner, request);
        }

        metrics.RecordSessionCreated();
        Log.SessionCreated(logger, sessionId, request.StartAt);
        await DeliverBacklogAsync(sessionId, request, cancellationToken);
        return new SessionCreated(sessionId, Created: true);
    }

    /// <summary>
    /// One session, or null when there is none with this id. Its timeline includes what the leak sweeper did
    /// (<see cref="TimelineKind.Sweep"/>); a purged session the ledger still remembers is <see cref="SessionStatus.Purged"/>.
    /// </summary>
    public async Task<SessionView?> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!IsPlausibleId(sessionId))
        {
            return null;
        }

        var metadata = await client.GetInstanceAsync(sessionId, getInputsAndOutputs: true, cancellationToken);
        return metadata is null || metadata.Name == SessionOrchestrations.BroadcastSession
            ? await WithLeaksAsync(sessionId, metadata is null ? null : SessionViews.From(metadata), cancellationToken)
            : null;
    }

    /// <summary>A page of sessions in id order, filtered by status, room and anchor.</summary>
    public async Task<SessionPage> ListAsync(SessionListQuery query, CancellationToken cancellationToken)
    {
        ValidateQuery(query);
        var prefix = ListPrefix(query);
        var items = new List<SessionView>();
        var token = query.ContinuationToken;

        // A status finer than the runtime status is filtered here; more pages are read until the page is full.
        for (var page = 0; page < MaxQueryPages && items.Count < query.PageSize; page++)
        {
            var result = await client.QueryInstancesAsync(new OrchestrationQuery
            {
                InstanceIdPrefix = prefix,
                Statuses = query.Status is { } status ? SessionViews.RuntimeStatusesOf(status) : null,
                PageSize = query.PageSize - items.Count,
                ContinuationToken = token,
                FetchInputsAndOutputs = true,
            }, cancellationToken);
            items.AddRange(result.Instances
                .Where(m => m.Name == SessionOrchestrations.BroadcastSession)
                .Select(SessionViews.From)
                .Where(v => query.Status is null || v.Status == query.Status));
            token = result.ContinuationToken;
            if (token is null)
            {
                break;
            }
        }

        return new SessionPage(items, token);
    }

    /// <summary>An id no client could have been given is simply not found (and never reaches the store).</summary>
    private static bool IsPlausibleId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 1024 && !id.Any(char.IsControl);

    private SessionCreated SameOrConflict(OrchestrationMetadata existing, SessionRequest request)
    {
        var existingInput = existing.Name == SessionOrchestrations.BroadcastSession
            ? TryReadInput(existing)
            : null;
        if (existingInput is null || !SameRequest.Is(existingInput, request, options.Value))
        {
            throw new SessionConflictException(existing.InstanceId);
        }

        Log.SessionRepeated(logger, existing.InstanceId);
        return new SessionCreated(existing.InstanceId, Created: false);
    }

    private static BroadcastSessionInput? TryReadInput(OrchestrationMetadata metadata)
    {
        try
        {
            return metadata.ReadInputAs<BroadcastSessionInput>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string ListPrefix(SessionListQuery query) =>
        query.RoomId is not { } room ? SessionIds.SessionPrefix
        : query.UserId is { } user ? SessionIds.ForRoomAndUser(room, user)
        : SessionIds.ForRoom(room);

    private static void ValidateQuery(SessionListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new ValidationErrors();
        if (query.PageSize is < 1 or > SessionListQuery.MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {SessionListQuery.MaxPageSize} (got {query.PageSize}).");
        }

        if (query.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add("status", $"must be one of {string.Join(", ", Enum.GetNames<SessionStatus>())}.");
        }

        if (query.UserId is not null)
        {
            if (query.RoomId is null)
            {
                errors.Add("userId", "needs roomId: sessions are found by room and anchor.");
            }

            TextRules.Identifier(query.UserId, SessionRequestValidator.MaxUserIdLength, SessionRequestValidator.UserIdExtraCharacters,
                "userId", errors);
        }

        // A token is the last session id of the page before, so it lies in the same id range; anything else is not one
        // this listing gave, and would quietly skip or repeat sessions.
        if (query.ContinuationToken is { } token && (!token.StartsWith(ListPrefix(query), StringComparison.Ordinal)
            || token.Length > MaxContinuationTokenLength || token.Any(char.IsControl)))
        {
            errors.Add("continuationToken", ForeignContinuationToken);
        }

        errors.ThrowIfAny();
    }
}
