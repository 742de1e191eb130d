using Microsoft.Extensions.Time.Testing;

namespace Broadcast.Durable.Tests;

/// <summary>Fake clocks that start at a fixed, readable time.</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
