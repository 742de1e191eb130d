using Broadcast.Sessions;

namespace Broadcast.CrashSuite;

/// <summary>Prints a progress line every few seconds: requests, joins, cancels, kills, and the host's sessions by status.</summary>
internal sealed class Progress(Driver driver, Killer killer, HostApi api, int sessions, int kills, TimeProvider time)
{
    public async Task RunAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), time, cancellationToken);
                Console.WriteLine(
                    $"  [{Clock.Since(start, time)}] requested {driver.Requested}/{sessions}, joins {driver.Joins}, cancels {driver.Cancels}, " +
                    $"kills {killer.Done}/{kills}; host: {await StatusesAsync(cancellationToken)}");
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    public static string Describe(IEnumerable<SessionView> views) =>
        string.Join(", ", views.GroupBy(view => view.Status).OrderBy(group => group.Key).Select(group => $"{group.Key} {group.Count()}"));

    private async Task<string> StatusesAsync(CancellationToken cancellationToken)
    {
        using var brief = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        brief.CancelAfter(TimeSpan.FromSeconds(4));
        try
        {
            var views = await api.ListAllAsync(brief.Token);
            return views.Count == 0 ? "no sessions yet" : Describe(views);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "not answering (restarting?)";
        }
    }
}
