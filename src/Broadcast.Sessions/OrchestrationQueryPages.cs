using System.Runtime.CompilerServices;
using Broadcast.Durable;

namespace Broadcast.Sessions;

/// <summary>Every instance a query matches, read page by page as the caller goes through them.</summary>
internal static class OrchestrationQueryPages
{
    /// <summary>
    /// The instances of <paramref name="query"/> across all its pages (its own continuation token is the first page's);
    /// the next page is read only when the caller has gone through the one before.
    /// </summary>
    public static async IAsyncEnumerable<OrchestrationMetadata> QueryAllAsync(
        this IOrchestrationClient client, OrchestrationQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = query.ContinuationToken;
        do
        {
            var page = await client.QueryInstancesAsync(query with { ContinuationToken = token }, cancellationToken);
            foreach (var instance in page.Instances)
            {
                yield return instance;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
