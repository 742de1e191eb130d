namespace Broadcast.Sessions;

/// <summary>The push's watermark (<c>uint32_watermark_flag</c>, <c>uint32_watermark_id</c>).</summary>
/// <param name="Enabled">Whether to add a watermark.</param>
/// <param name="Id">The watermark id; null for the default watermark. Only with <paramref name="Enabled"/>.</param>
public sealed record WatermarkSettings(bool Enabled, uint? Id = null);
