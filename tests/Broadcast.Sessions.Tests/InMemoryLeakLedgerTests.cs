namespace Broadcast.Sessions.Tests;

public sealed class InMemoryLeakLedgerTests
{
    [Fact]
    public Task List_After_GivesTheNextPage_InTheSameOrder() => LeakLedgerPaging.AssertPagesFollowTheCursorAsync(new InMemoryLeakLedger());
}
