namespace Broadcast.Ilvb;

/// <summary>What a successful start push returned.</summary>
/// <param name="ChannelId"><c>uint64_channel_id</c>, when returned.</param>
/// <param name="LiveUrls"><c>msg_live_url</c>: one entry per output coding and bitrate.</param>
/// <param name="TapeTaskId"><c>uint32_tape_task_id</c>, when the tape flag was set.</param>
public sealed record StartPushResult(ulong? ChannelId, IReadOnlyList<PlayUrl> LiveUrls, uint? TapeTaskId);
