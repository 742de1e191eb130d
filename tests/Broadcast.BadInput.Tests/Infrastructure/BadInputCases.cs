namespace Broadcast.BadInput.Tests;

/// <summary>Every case shares one host and runs alone, so each can check that nothing else changed.</summary>
[CollectionDefinition(Name)]
public sealed class BadInputCases : ICollectionFixture<BadInputFixture>
{
    public const string Name = "Bad input";
}
