using System.Net;
using Broadcast.Sessions;

namespace Broadcast.BadInput.Tests;

/// <summary>
/// Vendor answers the client cannot use: the session records a clear error (its kind and description), stops
/// whatever it may have started, and the host goes on serving.
/// </summary>
[Collection(BadInputCases.Name)]
public sealed class VendorBadResponseTests(BadInputFixture host)
{
    [Theory]
    [MemberData(nameof(VendorCases.Names), MemberType = typeof(VendorCases))]
    public async Task Session_UnusableVendorAnswer_RecordsTheErrorAndStopsWhatItStarted(string name)
    {
        var badCase = VendorCases.ByName[name];
        var number = VendorCases.List.ToList().IndexOf(badCase);
        var room = 7300 + (uint)number;
        var user = $"anchor-v{number}";
        var id = await host.CreateSessionAsync(new SessionRequest
        {
            RoomId = room,
            UserId = user,
            Key = $"vendor-{number}",
            ChannelName = badCase.Name,
            Recording = badCase.Recording == RecordingMode.None
                ? null
                : new RecordingSettings { Mode = badCase.Recording, FileName = $"vendor-{number}", Required = badCase.RecordingRequired },
            JoinTimeout = TimeSpan.FromMinutes(2),
            MaxDuration = TimeSpan.FromHours(1),
        });
        await host.WaitForSessionAsync(id, view => view.Status == SessionStatus.WaitingForJoin, "WaitingForJoin");
        host.Simulator.State.JoinUser(room, user);

        SessionView done;
        badCase.Arrange(host.Simulator, host.Proxy);
        try
        {
            await host.PostAsync($"/api/sessions/{Uri.EscapeDataString(id)}/user-joined", HttpStatusCode.Accepted);
            if (badCase.Expect != VendorExpectation.SessionFails)
            {
                await host.WaitForSessionAsync(id, view => view.Status == SessionStatus.Live, "Live");
                await host.PostAsync($"/api/sessions/{Uri.EscapeDataString(id)}/cancel", HttpStatusCode.Accepted);
            }

            done = await host.WaitForSessionAsync(id, view => view.Result is not null, "finished");
        }
        finally
        {
            host.Simulator.Faults.Clear();
            host.Proxy.Clear();
        }

        var result = done.Result!;
        var timeline = BadInputFixture.Describe(done);
        switch (badCase.Expect)
        {
            case VendorExpectation.SessionFails:
                Assert.True(result.Outcome == SessionOutcome.Failed, $"Outcome {result.Outcome}, expected Failed:\n{timeline}");
                AssertError(result.Error, badCase, timeline);
                break;
            case VendorExpectation.RecordingDegraded:
                Assert.True(result.RecordingDegraded, $"The session should show its recording degraded:\n{timeline}");
                AssertError(result.Error, badCase, timeline);
                break;
            case VendorExpectation.SessionUnharmed:
                Assert.True(result.Outcome == SessionOutcome.Completed && result.Error is null, $"Outcome {result.Outcome}, expected Completed:\n{timeline}");
                Assert.True(result.LiveUrls.Count > 0, $"The live URLs were lost:\n{timeline}");
                Assert.Null(result.ChannelId);
                Assert.Single(result.Timeline, entry => entry.Kind == TimelineKind.Call && entry.Operation == badCase.Operation.ToString());
                break;
            default:
                Assert.True(result.Outcome is SessionOutcome.Cancelled or SessionOutcome.Completed, $"Outcome {result.Outcome}, expected it to end cleanly:\n{timeline}");
                var failed = result.Timeline.Where(entry => entry.Kind == TimelineKind.Call && entry.Operation == badCase.Operation.ToString()
                    && (badCase.Mentions is null || entry.Message.Contains(badCase.Mentions, StringComparison.OrdinalIgnoreCase)));
                Assert.True(failed.Any(), $"The timeline does not show the {badCase.Operation} failure ('{badCase.Mentions}'):\n{timeline}");
                break;
        }

        Assert.False(host.Simulator.State.IsPushing(room, user), $"The push of {id} is still live:\n{timeline}");
        Assert.False(host.Simulator.State.IsRecording(room, user), $"The recording of {id} is still running:\n{timeline}");
        await host.AssertPromisesKeptAsync();
    }

    private static void AssertError(SessionError? error, VendorCase badCase, string timeline)
    {
        Assert.True(error is not null, $"The result carries no error:\n{timeline}");
        Assert.Equal(badCase.Kind, error.Kind);
        Assert.Equal(badCase.Operation.ToString(), error.Operation);
        Assert.False(string.IsNullOrWhiteSpace(error.Description), "The error has no description.");
        Assert.True(badCase.Mentions is null || error.Description.Contains(badCase.Mentions, StringComparison.OrdinalIgnoreCase),
            $"The error '{error.Description}' does not mention '{badCase.Mentions}'.");
    }
}
