namespace Broadcast.Ilvb.Simulator;

/// <summary>Whether a fault strikes before the simulator acts on the request or after.</summary>
public enum FaultTiming
{
    /// <summary>The request is not acted on: the state is unchanged.</summary>
    BeforeProcessing,

    /// <summary>
    /// The request is acted on (a started push IS live, a stopped one IS stopped) but the caller
    /// gets the fault instead of the answer: the "outcome unknown" case.
    /// </summary>
    AfterProcessing,
}
