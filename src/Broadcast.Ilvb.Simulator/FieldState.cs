namespace Broadcast.Ilvb.Simulator;

/// <summary>What a request carried for one field.</summary>
internal enum FieldState
{
    /// <summary>Absent or JSON null.</summary>
    Missing,

    /// <summary>Present with the wrong JSON type or out of range.</summary>
    Invalid,

    /// <summary>Present and readable.</summary>
    Present,
}
