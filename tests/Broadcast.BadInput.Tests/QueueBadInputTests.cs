namespace Broadcast.BadInput.Tests;

/// <summary>Every queue against bad messages: each lands in its poison queue with a reason, and nothing else changes.</summary>
[Collection(BadInputCases.Name)]
public sealed class QueueBadInputTests(BadInputFixture host)
{
    [Theory]
    [MemberData(nameof(QueueCases.Names), MemberType = typeof(QueueCases))]
    public async Task Queue_BadMessage_IsPoisonedWithAReason(string name)
    {
        var badCase = QueueCases.ByName[name];

        var messageId = await host.SendAsync(badCase.Queue, badCase.Text, badCase.Base64);
        var poison = await host.WaitForPoisonAsync(badCase.Queue, messageId);

        var reason = poison.Error + " | " + string.Join(" | ", poison.Errors?.Keys ?? []);
        Assert.Equal(badCase.Queue, poison.Queue);
        Assert.False(string.IsNullOrWhiteSpace(poison.Error), "The poison record gives no reason.");
        Assert.True(ProblemText.Mentions(reason, badCase.Mentions), $"The poison reason does not name '{badCase.Mentions}': {reason}");
        await host.AssertPromisesKeptAsync();
    }
}
