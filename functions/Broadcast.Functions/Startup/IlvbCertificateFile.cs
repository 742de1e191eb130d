using Microsoft.Extensions.Configuration;

namespace Broadcast.Functions;

/// <summary>
/// Key Vault hands the ILVB client certificate to the app as text (a Key Vault reference in the app setting
/// <c>IlvbCertificate:Pfx</c>, the PFX in base64), while the ILVB client reads its certificate from a file
/// (<c>Ilvb:ClientCertificatePath</c>). At start the PFX is written once to a file only this process's user can read.
/// </summary>
public static class IlvbCertificateFile
{
    /// <summary>The setting that holds the PFX in base64.</summary>
    public const string PfxSetting = "IlvbCertificate:Pfx";

    private const string PathSetting = "Ilvb:ClientCertificatePath";

    /// <summary>Writes the PFX and points <c>Ilvb:ClientCertificatePath</c> at it; does nothing without <c>IlvbCertificate:Pfx</c>.</summary>
    public static void Apply(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var pfx = configuration[PfxSetting];
        if (string.IsNullOrWhiteSpace(pfx))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(configuration[PathSetting]))
        {
            throw new InvalidOperationException($"Set either {PfxSetting} or {PathSetting}, not both.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(pfx.Trim());
        }
        catch (FormatException)
        {
            // An unresolved Key Vault reference arrives as its own text: say where to look, never echo the value.
            throw new InvalidOperationException(
                $"{PfxSetting} is not base64 PFX bytes: check the Key Vault secret 'ilvb-client-certificate' and the app's access to it.");
        }

        var directory = Directory.CreateTempSubdirectory("broadcast-ilvb-");
        var path = Path.Combine(directory.FullName, "client.pfx");
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, file))
        {
            stream.Write(bytes);
        }

        configuration[PathSetting] = path;
    }
}
