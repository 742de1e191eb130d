namespace Broadcast.Ilvb;

/// <summary>One live URL of a push.</summary>
/// <param name="Type">The output coding (<c>uint32_type</c>).</param>
/// <param name="Url"><c>string_play_url</c>.</param>
/// <param name="Bitrate"><c>RateType</c>; original when absent.</param>
public sealed record PlayUrl(LiveCode Type, string Url, Bitrate Bitrate);
