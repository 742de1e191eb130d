namespace Broadcast.Ilvb;

/// <summary>The UserSig given in configuration (<c>Ilvb:UserSig</c>), as is.</summary>
internal sealed class ConfiguredUserSigProvider(string userSig) : IUserSigProvider
{
    public ValueTask<string> GetUserSigAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(userSig);
}
