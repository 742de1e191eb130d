using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Broadcast.Ilvb.Tests;

public class OptionsValidationTests
{
    private const string Password = "pfx-Password-123";

    [Fact]
    public void ValidOptions_Pass()
    {
        Assert.True(Validate(Valid()).Succeeded);
    }

    [Fact]
    public void EmptySection_NamesEveryMissingSetting()
    {
        var failures = Failures(new IlvbOptions());

        Assert.Contains(failures, f => f.StartsWith("Ilvb:SdkAppId", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ilvb:Identifier", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Ilvb:UserSig", StringComparison.Ordinal) && f.Contains("Ilvb:SecretKey", StringComparison.Ordinal));
    }

    [Fact]
    public void BothUserSigAndSecretKey_AreRejected()
    {
        var options = Valid();
        options.UserSig = "a-sig";

        var failure = Assert.Single(Failures(options));
        Assert.Contains("only one of Ilvb:UserSig and Ilvb:SecretKey", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("a-sig", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(options.SecretKey!, failure, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<IlvbOptions>> BadSettings() => new()
    {
        { "Ilvb:BaseUrl", o => o.BaseUrl = new Uri("relative/path", UriKind.Relative) },
        { "Ilvb:BaseUrl", o => o.BaseUrl = new Uri("ftp://example.test/") },
        { "Ilvb:BaseUrl", o => o.BaseUrl = new Uri("http://127.0.0.1:1/?x=1") },
        { "Ilvb:RequestTimeout", o => o.RequestTimeout = TimeSpan.Zero },
        { "Ilvb:RequestTimeout", o => o.RequestTimeout = TimeSpan.FromHours(2) },
        { "Ilvb:UserSigExpiry", o => o.UserSigExpiry = TimeSpan.FromSeconds(10) },
        { "Ilvb:Environment", o => o.Environment = (IlvbEnvironment)9 },
        { "Ilvb:TransientCodes", o => o.TransientCodes = [40000207, 40000412] },
        { "Ilvb:TransientCodes", o => o.TransientCodes = [30000415] },
        { "Ilvb:ClientKeyPath", o => o.ClientKeyPath = "/tmp/key.pem" },
        { "Ilvb:ClientCertificatePassword", o => o.ClientCertificatePassword = Password },
        { "Ilvb:ClientCertificatePath", o => o.ClientCertificatePath = "/nonexistent/client.pfx" },
        { "Ilvb:TrustedCaCertificatePath", o => o.TrustedCaCertificatePath = "/nonexistent/ca.pem" },
        { "Ilvb:SecretKey holds an unresolved Key Vault reference", o => o.SecretKey = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/key/)" },
        { "Ilvb:ClientCertificateBase64 holds an unresolved Key Vault reference", o => o.ClientCertificateBase64 = "@Microsoft.KeyVault(VaultName=kv;SecretName=cert)" },
        { "Ilvb:ClientCertificatePassword holds an unresolved Key Vault reference", o => o.ClientCertificatePassword = " @microsoft.keyvault(VaultName=kv;SecretName=pw)" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void BadSetting_IsNamedInTheMessage(string setting, Action<IlvbOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        var failure = Assert.Single(Failures(options));
        Assert.Contains(setting, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredUserSig_ForAnotherAccountOrApp_OrExpired_IsNamed_WithoutTheSig()
    {
        var vector = UserSigTests.Vector(0);
        var options = Valid();
        options.SecretKey = null;
        options.UserSig = vector.SampleUserSig;
        options.SdkAppId = 1400000001;

        var failures = Failures(options);

        Assert.Contains(failures, f => f.StartsWith("Ilvb:UserSig was issued for identifier 'xiaojun'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ilvb:UserSig was issued for sdkappid 1400000000", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ilvb:UserSig expired", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains(vector.SampleUserSig, StringComparison.Ordinal));
    }

    [Fact]
    public void ConfiguredUserSig_InAnotherScheme_IsLeftToTheVendor()
    {
        var options = Valid();
        options.SecretKey = null;
        options.UserSig = "an-opaque-sig-of-another-scheme";

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Pfx_WithTheWrongPassword_IsNamed_WithoutThePassword()
    {
        using var folder = new TempFolder();
        using var ca = TestCertificates.CreateCa("Options CA");
        using var client = TestCertificates.CreateClient(ca);
        TestCertificates.WritePfx(client, folder.File("client.pfx"), "the-right-one");
        var options = Valid();
        options.ClientCertificatePath = folder.File("client.pfx");
        options.ClientCertificatePassword = Password;

        var failure = Assert.Single(Failures(options));
        Assert.StartsWith("Ilvb:ClientCertificatePath", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("the-right-one", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void InlineCertificate_WithAPath_IsRefusedNamingBoth()
    {
        var options = Valid();
        options.ClientCertificatePath = "/nonexistent/client.pfx";
        options.ClientCertificateBase64 = Convert.ToBase64String([1, 2, 3]);

        var failure = Assert.Single(Failures(options));
        Assert.Equal("Set either Ilvb:ClientCertificatePath or Ilvb:ClientCertificateBase64, not both.", failure);
    }

    [Fact]
    public void InlineCertificate_NotBase64OrWrongPassword_IsNamedWithoutTheSecrets()
    {
        using var ca = TestCertificates.CreateCa("Options CA");
        using var client = TestCertificates.CreateClient(ca);
        var pfx = Convert.ToBase64String(client.Export(X509ContentType.Pkcs12, "the-right-one"));
        var notBase64 = Valid();
        notBase64.ClientCertificateBase64 = "@Microsoft.KeyVault(SecretUri=https://vault/secrets/ilvb-client-certificate)";
        var wrongPassword = Valid();
        wrongPassword.ClientCertificateBase64 = pfx;
        wrongPassword.ClientCertificatePassword = Password;
        var right = Valid();
        right.ClientCertificateBase64 = pfx;
        right.ClientCertificatePassword = "the-right-one";

        Assert.StartsWith("Ilvb:ClientCertificateBase64", Assert.Single(Failures(notBase64)), StringComparison.Ordinal);
        var failure = Assert.Single(Failures(wrongPassword));
        Assert.StartsWith("Ilvb:ClientCertificateBase64", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(pfx[..40], failure, StringComparison.Ordinal);
        Assert.True(Validate(right).Succeeded, string.Join(" ", Validate(right).Failures ?? []));
    }

    [Fact]
    public void PemCertificate_WithoutItsKey_IsNamed()
    {
        using var folder = new TempFolder();
        using var ca = TestCertificates.CreateCa("Options CA");
        using var client = TestCertificates.CreateClient(ca);
        TestCertificates.WritePem(client, folder.File("client.pem"), keyPath: null);
        var options = Valid();
        options.ClientCertificatePath = folder.File("client.pem");

        var failure = Assert.Single(Failures(options));
        Assert.StartsWith("Ilvb:ClientCertificatePath", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadableCertificates_Pass()
    {
        using var folder = new TempFolder();
        using var ca = TestCertificates.CreateCa("Options CA");
        using var client = TestCertificates.CreateClient(ca);
        TestCertificates.WritePem(client, folder.File("client.pem"), folder.File("client.key"), Password);
        TestCertificates.WritePem(ca, folder.File("ca.pem"), keyPath: null);
        var options = Valid();
        options.ClientCertificatePath = folder.File("client.pem");
        options.ClientKeyPath = folder.File("client.key");
        options.ClientCertificatePassword = Password;
        options.TrustedCaCertificatePath = folder.File("ca.pem");

        Assert.True(Validate(options).Succeeded, string.Join(" ", Validate(options).Failures ?? []));
    }

    [Fact]
    public void TrustedCa_ThatIsNoCertificate_IsNamed()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("ca.pem"), "just some text");
        var options = Valid();
        options.TrustedCaCertificatePath = folder.File("ca.pem");

        var failure = Assert.Single(Failures(options));
        Assert.StartsWith("Ilvb:TrustedCaCertificatePath", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AddIlvbClient_ValidatesOnStart_WithMessagesNamingTheSettings()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ilvb:Identifier"] = "admin", ["Ilvb:RequestTimeout"] = "00:00:00" })
            .Build();
        using var services = new ServiceCollection().AddIlvbClient(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.StartsWith("Ilvb:SdkAppId", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Ilvb:RequestTimeout", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Failures, f => f.StartsWith("Ilvb:Identifier", StringComparison.Ordinal));
    }

    [Fact]
    public void AddIlvbClient_BindsTheIlvbSection()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ilvb:SdkAppId"] = "1400000001",
                ["Ilvb:Identifier"] = "admin",
                ["Ilvb:UserSig"] = "configured",
                ["Ilvb:Environment"] = "Formal",
                ["Ilvb:RequestTimeout"] = "00:00:07",
                ["Ilvb:TransientCodes:0"] = "40000401",
            })
            .Build();
        using var services = new ServiceCollection().AddIlvbClient(configuration).BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();
        var options = services.GetRequiredService<IOptions<IlvbOptions>>().Value;
        var catalog = services.GetRequiredService<IlvbErrorCatalog>();

        Assert.Equal(1400000001u, options.SdkAppId);
        Assert.Equal(TimeSpan.FromSeconds(7), options.RequestTimeout);
        Assert.Equal(new Uri("https://openapi.tim.qq.com/"), options.GetBaseUrl());
        Assert.Equal(IlvbErrorCategory.Transient, catalog.Classify(40000401));
        Assert.Equal(IlvbErrorCategory.RetryAdvised, catalog.Classify(40000207));
        Assert.IsType<IlvbClient>(services.GetRequiredService<IIlvbClient>());
        Assert.IsType<ConfiguredUserSigProvider>(services.GetRequiredService<IUserSigProvider>());
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new IlvbOptions();

        Assert.Equal(TimeSpan.FromDays(180), options.UserSigExpiry);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Equal(new Uri("https://test.tim.qq.com/"), options.GetBaseUrl());
        Assert.Null(options.TransientCodes);
        Assert.Equal([40000207, 40000208, 30000208], IlvbErrorCatalog.DefaultTransientCodes);
    }

    [Fact]
    public void BaseUrl_WithAPath_GetsATrailingSlash()
    {
        var options = new IlvbOptions { BaseUrl = new Uri("http://127.0.0.1:8080/prefix") };

        Assert.Equal(new Uri("http://127.0.0.1:8080/prefix/"), options.GetBaseUrl());
    }

    private static IlvbOptions Valid() => new()
    {
        SdkAppId = 1400000000,
        Identifier = "admin",
        SecretKey = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
    };

    private static ValidateOptionsResult Validate(IlvbOptions options) =>
        new IlvbOptionsValidator(TimeProvider.System).Validate(Options.DefaultName, options);

    private static List<string> Failures(IlvbOptions options)
    {
        var result = Validate(options);
        Assert.True(result.Failed);
        return result.Failures!.ToList();
    }
}
