namespace Broadcast.Ilvb;

/// <summary>What is pushed or recorded (<c>uint32_push_data_type</c>, <c>uint32_record_data_type</c>).</summary>
public enum DataSource
{
    /// <summary>Data from the camera.</summary>
    Camera = 0,

    /// <summary>Screen-sharing data.</summary>
    Screen = 1,
}
