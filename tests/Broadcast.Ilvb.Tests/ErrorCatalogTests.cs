namespace Broadcast.Ilvb.Tests;

public class ErrorCatalogTests
{
    private static readonly long[] RetryAdvisedCodes = [40000401, 40000402, 40000404, 40000414, 30000401, 30000402, 30000404];

    public static TheoryData<long> AllCodes()
    {
        var data = new TheoryData<long>();
        foreach (var entry in IlvbErrorCatalog.Default.Entries)
        {
            data.Add(entry.Code);
        }

        return data;
    }

    [Fact]
    public void Catalog_HoldsThe65SeedCodes_35PushAnd30Recording()
    {
        var entries = IlvbErrorCatalog.Default.Entries;

        Assert.Equal(65, entries.Count);
        Assert.Equal(65, entries.Select(e => e.Code).Distinct().Count());
        Assert.Equal(35, entries.Count(e => e.Table == IlvbErrorTable.Push));
        Assert.Equal(30, entries.Count(e => e.Table == IlvbErrorTable.Recording));
        Assert.All(new long[] { 1001, 20101, 20406 }, code => Assert.Equal(IlvbErrorTable.Push, IlvbErrorCatalog.Default.Lookup(code).Table));
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void EveryCode_IsClassifiedByTheDesignRules(long code)
    {
        var entry = IlvbErrorCatalog.Default.Lookup(code);

        Assert.True(entry.IsKnown);
        Assert.False(string.IsNullOrWhiteSpace(entry.Description));
        Assert.False(string.IsNullOrWhiteSpace(entry.Advice));
        Assert.Equal(ExpectedCategory(code, entry.Advice!), entry.Category);
    }

    [Fact]
    public void Categories_MatchTheDesignTable()
    {
        var byCategory = IlvbErrorCatalog.Default.Entries.ToLookup(e => e.Category, e => e.Code);

        Assert.Equal([30000208, 40000207, 40000208], byCategory[IlvbErrorCategory.Transient].Order());
        Assert.Equal(RetryAdvisedCodes.Order(), byCategory[IlvbErrorCategory.RetryAdvised].Order());
        Assert.Equal([30000412, 30000413, 40000412, 40000413, 40000415], byCategory[IlvbErrorCategory.AlreadyDone].Order());
        Assert.Equal([30000415], byCategory[IlvbErrorCategory.Ambiguous]);
        Assert.Equal(65 - 3 - 7 - 5 - 1, byCategory[IlvbErrorCategory.Fatal].Count());
        Assert.Contains(1001, byCategory[IlvbErrorCategory.Fatal]);
        Assert.Contains(20101, byCategory[IlvbErrorCategory.Fatal]);
        Assert.Contains(20406, byCategory[IlvbErrorCategory.Fatal]);
        Assert.Contains(30000207, byCategory[IlvbErrorCategory.Fatal]);
    }

    [Fact]
    public void Texts_AreTheSeedsVerbatim()
    {
        var catalog = IlvbErrorCatalog.Default;

        Assert.Equal("The user who initiates the push does not exist in the room", catalog.Lookup(40000411).Description);
        Assert.Equal(
            "Check whether the room has been activated successfully, and whether the user ID and groupid for the push are entered correctly",
            catalog.Lookup(40000411).Advice);
        Assert.Equal("It is generally caused by wrong input of sdkappid", catalog.Lookup(1001).Advice);
        Assert.Equal("Report to Tencent Cloud customer service", catalog.Lookup(30000303).Advice);
        Assert.Equal(
            "Request for starting recording has been sent more than once and recording has started; or the initiator of recording does not exist",
            catalog.Lookup(30000415).Description);
        Assert.Equal(
            "This may be caused by network problem, please try again. If the problem persists, report to Tencent customer service",
            catalog.Lookup(30000401).Advice);
    }

    [Fact]
    public void UnknownCode_IsFatal_WithADescriptionNamingIt()
    {
        var entry = IlvbErrorCatalog.Default.Lookup(12345);

        Assert.False(entry.IsKnown);
        Assert.Equal(IlvbErrorCategory.Fatal, entry.Category);
        Assert.Equal("Unknown videorelay code 12345", entry.Description);
        Assert.Null(entry.Advice);
    }

    [Fact]
    public void TransientCodes_AreConfiguration()
    {
        var catalog = new IlvbErrorCatalog([40000401, 40000306, 99999999]);

        Assert.Equal(IlvbErrorCategory.Transient, catalog.Classify(40000401));
        Assert.Equal(IlvbErrorCategory.Transient, catalog.Classify(40000306));
        Assert.Equal(IlvbErrorCategory.Transient, catalog.Classify(99999999));
        // No longer configured as transient: back to what its advice says.
        Assert.Equal(IlvbErrorCategory.RetryAdvised, catalog.Classify(40000208));
        Assert.Equal(IlvbErrorCategory.RetryAdvised, catalog.Classify(40000207));
        Assert.Equal(IlvbErrorCategory.Fatal, catalog.Classify(40000201));
    }

    [Theory]
    [InlineData(40000412)]
    [InlineData(40000415)]
    [InlineData(30000415)]
    [InlineData(0)]
    public void TransientCodes_RejectCodesThatMeanTheOperationTookEffect(long code)
    {
        var ex = Assert.Throws<ArgumentException>(() => new IlvbErrorCatalog([code]));

        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, IlvbErrorCategory.Fatal)]
    [InlineData(-2, IlvbErrorCategory.Fatal)]
    [InlineData(-3, IlvbErrorCategory.Transient)]
    [InlineData(-4, IlvbErrorCategory.Fatal)]
    [InlineData(-5, IlvbErrorCategory.Fatal)]
    [InlineData(-9, IlvbErrorCategory.Fatal)]
    public void HeaderResults_InternalFailureIsTransient_OthersFatal(long result, IlvbErrorCategory expected)
    {
        var entry = IlvbErrorCatalog.LookupHeaderResult(result);

        Assert.Equal(IlvbErrorTable.Header, entry.Table);
        Assert.Equal(expected, entry.Category);
    }

    private static IlvbErrorCategory ExpectedCategory(long code, string advice)
    {
        if (code is 40000412 or 40000413 or 30000412 or 30000413 or 40000415)
        {
            return IlvbErrorCategory.AlreadyDone;
        }

        if (code == 30000415)
        {
            return IlvbErrorCategory.Ambiguous;
        }

        if (code is 40000207 or 40000208 or 30000208)
        {
            return IlvbErrorCategory.Transient;
        }

        return advice.Contains("This may be caused by network problem, please try again", StringComparison.Ordinal)
            ? IlvbErrorCategory.RetryAdvised
            : IlvbErrorCategory.Fatal;
    }
}
