namespace Broadcast.CrashSuite;

/// <summary>The host answered something a correct host never answers to the suite (e.g. 409 to a repeated create).</summary>
internal sealed class SuiteFailureException(string message) : Exception(message);
