using Microsoft.Extensions.Logging;

namespace Broadcast.Ilvb;

/// <summary>
/// Issues UserSigs from the secret key and reuses one until shortly before it expires: a tenth
/// of its lifetime before, at most one day before.
/// </summary>
internal sealed class GeneratedUserSigProvider : IUserSigProvider
{
    private static readonly TimeSpan MaxRenewalMargin = TimeSpan.FromDays(1);

    private readonly uint _sdkAppId;
    private readonly string _identifier;
    private readonly string _secretKey;
    private readonly TimeSpan _expiry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Issued? _current;

    public GeneratedUserSigProvider(uint sdkAppId, string identifier, string secretKey, TimeSpan expiry, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(expiry, TimeSpan.FromSeconds(1));
        _sdkAppId = sdkAppId;
        _identifier = identifier;
        _secretKey = secretKey;
        _expiry = TimeSpan.FromSeconds(Math.Floor(expiry.TotalSeconds));
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public ValueTask<string> GetUserSigAsync(CancellationToken cancellationToken = default)
    {
        var now = _timeProvider.GetUtcNow();
        var current = Volatile.Read(ref _current);
        if (current is not null && now < current.RenewAt)
        {
            return ValueTask.FromResult(current.UserSig);
        }

        lock (_lock)
        {
            if (_current is null || now >= _current.RenewAt)
            {
                var userSig = UserSig.Generate(_sdkAppId, _secretKey, _identifier, _expiry, now);
                var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
                var margin = TimeSpan.FromTicks(Math.Min(_expiry.Ticks / 10, MaxRenewalMargin.Ticks));
                Volatile.Write(ref _current, new Issued(userSig, issuedAt + _expiry - margin));
                Log.UserSigIssued(_logger, _identifier, issuedAt + _expiry);
            }

            return ValueTask.FromResult(_current.UserSig);
        }
    }

    // A class, not a record: a record's generated ToString would print the sig.
    private sealed class Issued(string userSig, DateTimeOffset renewAt)
    {
        public string UserSig { get; } = userSig;

        public DateTimeOffset RenewAt { get; } = renewAt;
    }
}
