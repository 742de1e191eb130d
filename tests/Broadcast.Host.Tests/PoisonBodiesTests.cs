using System.Text;
using System.Text.Json;

namespace Broadcast.Host.Tests;

public sealed class PoisonBodiesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AShortMessage_HasNoTruncatedForm()
    {
        var envelope = new PoisonMessage("q", "m1", "short", 1, At, At, "Not valid.", new Dictionary<string, string[]> { ["roomId"] = ["bad"] });

        var forms = PoisonBodies.Of(envelope).ToList();

        Assert.Equal(3, forms.Count);
        Assert.Equal("short", forms[1]);
        Assert.Null(JsonSerializer.Deserialize<PoisonMessage>(forms[2], JsonSerializerOptions.Web)!.Errors);
    }

    [Fact]
    public void FirstForm_IsTheEnvelope_WithOnlyWhatJsonRequiresEscaped()
    {
        var envelope = new PoisonMessage("q", "m1", "<b>café</b> & 'x'", 1, At, At, "Not valid.");

        var first = PoisonBodies.Of(envelope).First();

        Assert.Contains("<b>café</b> & 'x'", first, StringComparison.Ordinal);
        Assert.Equal(envelope.Message, JsonSerializer.Deserialize<PoisonMessage>(first, JsonSerializerOptions.Web)!.Message);
    }

    [Fact]
    public void Forms_AfterTheEnvelope_AreTheMessageAsItCame_ThenItsStart_ThenItsStartWithoutFieldErrors()
    {
        // Control characters throughout: each escapes to six characters, the worst case for the size.
        var text = new string('\u0001', 30_000);
        var errors = Enumerable.Range(0, 5_000).ToDictionary(i => $"field{i}", i => new[] { new string('x', 20) });
        var envelope = new PoisonMessage("q", "m1", text, 1, At, At, new string('\u0002', 10_000), errors);

        var forms = PoisonBodies.Of(envelope).ToList();

        Assert.Equal(4, forms.Count);
        Assert.Equal(text, forms[1]);
        var start = JsonSerializer.Deserialize<PoisonMessage>(forms[2], JsonSerializerOptions.Web)!;
        Assert.Equal(text[..PoisonBodies.KeptPrefix], start.Message);
        Assert.Equal(30_000, start.MessageLength);
        Assert.NotNull(start.Errors);
        var last = JsonSerializer.Deserialize<PoisonMessage>(forms[3], JsonSerializerOptions.Web)!;
        Assert.Null(last.Errors);
        Assert.Equal(30_000, last.MessageLength);
        Assert.Equal(PoisonBodies.KeptError + 1, last.Error.Length);
        // Under 64 KiB even after Base64, with every kept character escaped.
        Assert.True(Encoding.UTF8.GetByteCount(forms[3]) * 4 / 3 < 64 * 1024, $"the last form is {forms[3].Length} characters");
    }
}
