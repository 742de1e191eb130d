using System.Globalization;
using System.Net.Http.Json;
using Broadcast.Durable;
using Broadcast.Sessions;

namespace Broadcast.Benchmarks;

/// <summary>Prints one session's timeline with the time since its first entry, to show where a full session spends its time.</summary>
internal static class Trace
{
    public static async Task PrintAsync(InProcessHost host, string run, int index)
    {
        var id = SessionIds.ForSession(Sessions.RoomOf(index), Sessions.UserOf(index), $"{run}-{index}");
        var view = await host.Http.GetFromJsonAsync<SessionView>(Sessions.PathOf(id), DurableJson.Options);
        var timeline = view!.Result?.Timeline ?? view.Timeline;
        var start = view.CreatedAt;
        Console.WriteLine($"  timeline of {id} (ms after it was created):");
        foreach (var entry in timeline)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {(entry.At - start).TotalMilliseconds,8:0.0}  {entry.Kind,-7} {entry.Message}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {(view.UpdatedAt - start).TotalMilliseconds,8:0.0}  (last update)"));
    }
}
