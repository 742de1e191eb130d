namespace Broadcast.Ilvb;

/// <summary>Supplies the UserSig for the <c>usersig</c> query parameter of each call.</summary>
public interface IUserSigProvider
{
    /// <summary>A UserSig valid now for the configured admin identifier.</summary>
    ValueTask<string> GetUserSigAsync(CancellationToken cancellationToken = default);
}
