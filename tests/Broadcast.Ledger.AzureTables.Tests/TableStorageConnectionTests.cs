using Microsoft.Extensions.Configuration;

namespace Broadcast.Ledger.AzureTables.Tests;

/// <summary>How the Functions app points the ledger at its storage account: connection string or identity.</summary>
public sealed class TableStorageConnectionTests
{
    [Fact]
    public void ConnectionString_IsUsedAsIs()
    {
        var options = new TableLeakLedgerOptions();

        TableStorageConnection.Apply(options, Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Null(options.ServiceUri);
        Assert.True(new TableLeakLedgerOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void IdentityBasedConnection_GivesTheTableServiceAndTheManagedIdentity()
    {
        var options = new TableLeakLedgerOptions();

        TableStorageConnection.Apply(options, Configuration(
            ("AzureWebJobsStorage:accountName", "stbroadcast"), ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001")));

        Assert.Null(options.ConnectionString);
        Assert.Equal(new Uri("https://stbroadcast.table.core.windows.net"), options.ServiceUri);
        Assert.Equal("00000000-0000-0000-0000-000000000001", options.ClientId);
        Assert.True(new TableLeakLedgerOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void ExplicitLedgerSettings_WinOverTheAppsStorage()
    {
        var options = new TableLeakLedgerOptions { ServiceUri = new Uri("https://other.table.core.windows.net") };

        TableStorageConnection.Apply(options, Configuration(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Null(options.ConnectionString);
        Assert.Equal(new Uri("https://other.table.core.windows.net"), options.ServiceUri);
    }

    [Fact]
    public void NoConnectionAtAll_FailsValidation_NamingBothSettings_AndABadTableName()
    {
        var options = new TableLeakLedgerOptions { TableName = "1bad" };
        TableStorageConnection.Apply(options, Configuration());

        var result = new TableLeakLedgerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Ledger:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Ledger:ServiceUri", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Ledger:TableName", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x", "00:01:00", "Ledger:LeaseTableName must be 3 to 63 letters")]
    [InlineData("LeakLedger", "00:01:00", "Ledger:LeaseTableName must differ from Ledger:TableName")]
    [InlineData("AnchorLeases", "00:00:04", "Ledger:LeaseDuration must be from 00:00:05 to 01:00:00 (got 00:00:04)")]
    [InlineData("AnchorLeases", "01:00:01", "Ledger:LeaseDuration must be from 00:00:05 to 01:00:00 (got 01:00:01)")]
    public void BadLeaseSettings_FailValidation_NamingTheSetting(string leaseTable, string duration, string message)
    {
        var options = new TableLeakLedgerOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            LeaseTableName = leaseTable,
            LeaseDuration = TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture),
        };

        var result = new TableLeakLedgerOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
