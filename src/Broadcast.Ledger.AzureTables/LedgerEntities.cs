using Azure.Data.Tables;
using Broadcast.Durable;
using Broadcast.Sessions;

namespace Broadcast.Ledger.AzureTables;

/// <summary>
/// A ledger entry as a table entity: partition = session id, row = kind, the columns the queries filter on, and
/// the entry's JSON split over <c>Document</c>, <c>Document1</c>, … (a string property holds at most 32K characters).
/// </summary>
internal static class LedgerEntities
{
    private const int ChunkLength = 30_000;
    private const string Document = "Document";

    public static TableEntity ToEntity(LeakEntry entry, long version)
    {
        var entity = new TableEntity(entry.SessionId, entry.Kind.ToString())
        {
            ["IsOpen"] = entry.IsOpen,
            ["OpenedAt"] = entry.OpenedAt,
            ["ClosedAt"] = entry.ClosedAt,
            ["Version"] = version,
        };
        var json = DurableJson.Serialize(entry)!;
        for (int start = 0, part = 0; start < json.Length; start += ChunkLength, part++)
        {
            entity[part == 0 ? Document : Document + part] = json.Substring(start, Math.Min(ChunkLength, json.Length - start));
        }

        return entity;
    }

    public static LeakEntry FromEntity(TableEntity entity)
    {
        var json = new System.Text.StringBuilder(entity.GetString(Document));
        for (var part = 1; entity.GetString(Document + part) is { } chunk; part++)
        {
            json.Append(chunk);
        }

        var entry = DurableJson.Deserialize<LeakEntry>(json.ToString())
            ?? throw new InvalidDataException($"The ledger entry of '{entity.PartitionKey}' ({entity.RowKey}) is empty.");
        return entry with { Version = VersionOf(entity) };
    }

    public static long VersionOf(TableEntity entity) => entity.GetInt64("Version") ?? 0;

    /// <summary>Whether <paramref name="key"/> can be a partition or row key (no '/', '\', '#', '?', control characters; at most 1 KiB).</summary>
    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
