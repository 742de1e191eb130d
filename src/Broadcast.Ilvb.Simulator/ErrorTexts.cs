using System.Collections.Frozen;
using System.Globalization;

namespace Broadcast.Ilvb.Simulator;

/// <summary>
/// The seeds' descriptions for the codes the simulator answers with (its own and the usual
/// injected ones). The full catalog with advice and categories belongs to the client library.
/// </summary>
internal static class ErrorTexts
{
    private static readonly FrozenDictionary<long, string> Texts = new Dictionary<long, string>
    {
        [-1] = "unpacking error",
        [-2] = "packet error",
        [-3] = "internal service failed",
        [-4] = "header verification failed",
        [-5] = "The av_token verification failed",
        [1001] = "Permission error",
        [20101] = "The number of channels exceeds the limit",
        [20406] = "Account is in arrears",
        [40000000] = "Failed to resolve SDK request",
        [40000001] = "Failed to resolve SDK request - The push request packet is missing",
        [40000002] = "Failed to resolve SDK request - The operation field of push request is missing",
        [40000003] = "Failed to resolve SDK request - The output coding (HLS/RTMP, etc.) of push request is missing",
        [40000004] = "Failed to resolve SDK request - The video source type is incorrect (camera/desktop, etc.)",
        [40000005] = "Failed to resolve SDK request - Incorrect request operation (request for push, stop push)",
        [40000207] = "A communication error occurred while requesting pushing server - Failed to fetch the address of pushing server",
        [40000208] = "A communication error occurred while requesting pushing server - Timeout of request for pushing server",
        [40000410] = "The room requesting push does not exist",
        [40000411] = "The user who initiates the push does not exist in the room",
        [40000412] = "Request for ending push has been sent more than once and the user has ended push",
        [40000413] = "Request for ending push has been sent more than once and the user has ended push",
        [40000415] = "Request for starting push has been sent more than once and the user is pushing stream",
        [30000000] = "Failed to resolve SDK request",
        [30000001] = "Failed to resolve SDK request - Recording request packet is missing",
        [30000002] = "Failed to resolve SDK request - Filename field for recorded file is missing",
        [30000003] = "Failed to resolve SDK request - Recording request operation field is missing",
        [30000004] = "Failed to resolve SDK request - The video source type is incorrect (camera/desktop, etc.)",
        [30000208] = "A communication error occurred while requesting recording server - Timeout of request for recording server",
        [30000410] = "Recording room does not exist",
        [30000411] = "Recording room or the initiator of recording does not exist",
        [30000412] = "Request for ending recording has been sent more than once. The user has ended recording",
        [30000413] = "Request for ending recording has been sent more than once. The user has ended recording",
        [30000415] = "Request for starting recording has been sent more than once and recording has started; or the initiator of recording does not exist",
    }.ToFrozenDictionary();

    /// <summary>The seed's text for <paramref name="code"/>, or a neutral one for codes the simulator has no text for.</summary>
    public static string For(long code) =>
        code == 0 ? string.Empty
        : Texts.TryGetValue(code, out var text) ? text
        : string.Create(CultureInfo.InvariantCulture, $"simulated error {code}");
}
