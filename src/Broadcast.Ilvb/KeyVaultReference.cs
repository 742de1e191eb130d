namespace Broadcast.Ilvb;

/// <summary>
/// App Service and Functions put a Key Vault reference's own text in a setting when they cannot resolve it (a missing
/// secret, an identity not yet allowed to read it). Taken as the value, that text would be a credential anyone can
/// guess from the app's name, so a secret setting that still holds it is refused at start.
/// </summary>
public static class KeyVaultReference
{
    private const string Marker = "@Microsoft.KeyVault(";

    /// <summary>Whether <paramref name="value"/> is a reference the platform left unresolved.</summary>
    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith(Marker, StringComparison.OrdinalIgnoreCase);

    /// <summary>The start-up error for <paramref name="setting"/>; it names the setting, never the value.</summary>
    public static string Problem(string setting) =>
        $"{setting} holds an unresolved Key Vault reference: the platform could not read the secret. Check that it " +
        "exists in the vault and that the app's identity may read it (Key Vault Secrets User), then restart.";
}
