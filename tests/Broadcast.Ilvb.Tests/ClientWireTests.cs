using System.Globalization;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Broadcast.Ilvb.Tests;

/// <summary>The client against a scripted loopback server: the request on the wire, and how each kind of answer is read.</summary>
public class ClientWireTests : IAsyncLifetime
{
    private const string UserSigWithSpecials = "eJy+sig/with=specials*-_&x";
    private static readonly StreamTarget Target = new(4321, "anchor_01");

    private ScriptedServer _server = null!;

    public Task InitializeAsync()
    {
        _server = ScriptedServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Request_UrlAndEnvelope_AreAsTheSeedsSay()
    {
        using var services = TestClients.Build(_server.BaseUrl, o =>
        {
            o.SecretKey = null;
            o.UserSig = UserSigWithSpecials;
            o.Identifier = "ad min";
        });

        await services.Client().StopPushAsync(new StopPushRequest { Target = Target });

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/openim/videorelay", request.Url.AbsolutePath);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(["usersig", "identifier", "sdkappid", "random", "apn", "contenttype"], request.Query.Select(p => p.Key));
        var query = request.Query.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(UserSigWithSpecials, query["usersig"]);
        Assert.Contains("usersig=eJy%2Bsig%2Fwith%3Dspecials%2A-_%26x", request.Url.Query, StringComparison.Ordinal);
        Assert.Equal("ad min", query["identifier"]);
        Assert.Equal("1400000000", query["sdkappid"]);
        Assert.True(uint.TryParse(query["random"], NumberStyles.None, CultureInfo.InvariantCulture, out _));
        Assert.Equal("0", query["apn"]);
        Assert.Equal("json", query["contenttype"]);

        var head = request.Head;
        Assert.Equal(6, (int)head["uint32_sub_cmd"]!);
        Assert.Equal(4321, (long)head["uint32_auth_key"]!);
        Assert.Equal(1400000000, (long)head["uint32_sdk_appid"]!);
        Assert.Equal(["anchor_01"], head["rpt_to_Account"]!.Values<string>());
        Assert.False(string.IsNullOrEmpty(request.Cookie));
        Assert.Equal(JObject.Parse("""{"req_0x6":{"uint32_oper":2,"uint32_sdk_type":1,"uint32_push_data_type":0}}"""), request.Json["reqbody"]!, JToken.EqualityComparer);
    }

    [Fact]
    public async Task GeneratedUserSig_IsSent_AndVerifiesWithTheSecretKey()
    {
        using var services = TestClients.Build(_server.BaseUrl);

        await services.Client().StopPushAsync(new StopPushRequest { Target = Target });

        var sent = Assert.Single(_server.Requests).Query.Single(p => p.Key == "usersig").Value;
        var fields = UserSig.Decode(sent);
        Assert.True(UserSig.Verify(sent, TestClients.SecretKey));
        Assert.Equal(TestClients.Identifier, fields.Identifier);
        Assert.Equal(TestClients.SdkAppId, fields.SdkAppId);
        Assert.Equal(TimeSpan.FromDays(180), fields.Expire);
    }

    [Fact]
    public async Task EachRequest_HasItsOwnSeqCookieAndRandom()
    {
        using var services = TestClients.Build(_server.BaseUrl);
        var client = services.Client();

        await client.StopPushAsync(new StopPushRequest { Target = Target });
        await client.StopRecordingAsync(new StopRecordingRequest { Target = Target });
        await client.StopPushAsync(new StopPushRequest { Target = Target });
        await client.StartRecordingAsync(new StartRecordingRequest { Target = Target, FileName = "f" });

        var requests = _server.Requests.ToList();
        Assert.Equal(4, requests.Select(r => r.Sequence).Distinct().Count());
        Assert.Equal(4, requests.Select(r => r.Cookie).Distinct().Count());
        Assert.Equal(4, requests.Select(r => r.Query.Single(p => p.Key == "random").Value).Distinct().Count());
        Assert.Equal([6, 5, 6, 5], requests.Select(r => (int)r.Head["uint32_sub_cmd"]!));
    }

    [Fact]
    public async Task StartPush_ReadsRspheadFlatBodyStringNumbersAndTheSeedsRateTypeKey()
    {
        _server.Reply = request => new ScriptedReply(200, new JObject
        {
            ["rsphead"] = new JObject { ["uint32_seq"] = request.Sequence.ToString(CultureInfo.InvariantCulture), ["bytes_cookie_buff"] = request.Cookie },
            ["rspbody"] = JObject.Parse("""
                {"uint32_result":"0","uint64_channel_id":"18446744073709551000","uint32_tape_task_id":"31","future_field":true,
                 "msg_live_url":[{"uint32_type":"1","string_play_url":"http://play/a.m3u8","RateType ":"10"},
                                 {"uint32_type":5,"string_play_url":"rtmp://play/a"}]}
                """),
        }.ToString());
        using var services = TestClients.Build(_server.BaseUrl);

        var result = await services.Client().StartPushAsync(new StartPushRequest { Target = Target, ChannelName = "c", Tape = true });

        Assert.Equal(18446744073709551000ul, result.ChannelId);
        Assert.Equal(31u, result.TapeTaskId);
        Assert.Equal([new PlayUrl(LiveCode.Hls, "http://play/a.m3u8", Bitrate.Sd), new PlayUrl(LiveCode.Rtmp, "rtmp://play/a", Bitrate.Original)], result.LiveUrls);
    }

    [Fact]
    public async Task StartPush_SuccessWithAnUnreadableOptionalMember_KeepsTheUrlsAndWarnsNamingIt()
    {
        _server.Reply = request => ScriptedReply.Success(request, JObject.Parse("""
            {"rsp_0x6":{"uint32_result":0,"uint64_channel_id":"channel-7",
             "msg_live_url":[{"uint32_type":5,"string_play_url":"rtmp://play/a"}]}}
            """));
        using var services = TestClients.Build(_server.BaseUrl);

        var result = await services.Client().StartPushAsync(new StartPushRequest { Target = Target, ChannelName = "c" });

        Assert.Null(result.ChannelId);
        Assert.Equal([new PlayUrl(LiveCode.Rtmp, "rtmp://play/a", Bitrate.Original)], result.LiveUrls);
        var warning = Assert.Single(services.Logs().GetSnapshot(), r => r.Id.Name == "FieldsUnreadable");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("uint64_channel_id", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("channel-7", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopRecording_ReturnsTheFileIds()
    {
        _server.Reply = request => ScriptedReply.Success(request, JObject.Parse("""{"rsp_0x5":{"uint32_result":0,"str_fileID":["f-1","f-2"]}}"""));
        using var services = TestClients.Build(_server.BaseUrl);

        var result = await services.Client().StopRecordingAsync(new StopRecordingRequest { Target = Target });

        Assert.Equal(["f-1", "f-2"], result.FileIds);
    }

    public static TheoryData<string, string> MalformedBodies() => new()
    {
        { "empty", "" },
        { "truncated", """{"reqhead":{"uint32_seq":1},"rspbody":{"rsp_0x6":{"uint32_res""" },
        { "not JSON", "<html><body>502 Bad Gateway</body></html>" },
        { "not an object", "[1,2,3]" },
        { "no header", """{"rspbody":{"rsp_0x6":{"uint32_result":0}}}""" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedResponse_IsATransientFailure_NeverSuccess(string shape, string body)
    {
        _server.Reply = _ => new ScriptedReply(200, body);
        using var services = TestClients.Build(_server.BaseUrl);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => services.Client().StopPushAsync(new StopPushRequest { Target = Target }));

        Assert.True(ex.Kind == IlvbFailureKind.MalformedResponse, shape);
        Assert.Equal(IlvbErrorCategory.Transient, ex.Category);
        Assert.True(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task MissingRspbody_IsMalformed()
    {
        _server.Reply = request => new ScriptedReply(200, new JObject
        {
            ["reqhead"] = new JObject { ["uint32_seq"] = request.Sequence, ["bytes_cookie_buff"] = request.Cookie },
        }.ToString());
        using var services = TestClients.Build(_server.BaseUrl);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => services.Client().StopPushAsync(new StopPushRequest { Target = Target }));

        Assert.Equal(IlvbFailureKind.MalformedResponse, ex.Kind);
    }

    [Fact]
    public async Task BodyOfTheOtherPacket_IsMalformed()
    {
        _server.Reply = request => ScriptedReply.Success(request, JObject.Parse("""{"rsp_0x5":{"uint32_result":0}}"""));
        using var services = TestClients.Build(_server.BaseUrl);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => services.Client().StopPushAsync(new StopPushRequest { Target = Target }));

        Assert.Equal(IlvbFailureKind.MalformedResponse, ex.Kind);
    }

    public static TheoryData<string, Func<CapturedRequest, JObject>> WrongEchoes() => new()
    {
        { "other seq", r => new JObject { ["uint32_seq"] = r.Sequence + 1, ["bytes_cookie_buff"] = r.Cookie } },
        { "no seq", r => new JObject { ["bytes_cookie_buff"] = r.Cookie } },
        { "other cookie", r => new JObject { ["uint32_seq"] = r.Sequence, ["bytes_cookie_buff"] = r.Cookie + "0" } },
        { "no cookie", r => new JObject { ["uint32_seq"] = r.Sequence } },
        { "header failure for another seq", r => new JObject { ["uint32_seq"] = r.Sequence + 1, ["uint32_result"] = -4 } },
    };

    [Theory]
    [MemberData(nameof(WrongEchoes))]
    public async Task ResponseNotEchoingTheRequest_IsASequenceMismatch(string shape, Func<CapturedRequest, JObject> head)
    {
        _server.Reply = request => new ScriptedReply(200, new JObject { ["reqhead"] = head(request), ["rspbody"] = JObject.Parse("""{"uint32_result":0}""") }.ToString());
        using var services = TestClients.Build(_server.BaseUrl);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => services.Client().StopPushAsync(new StopPushRequest { Target = Target }));

        Assert.True(ex.Kind == IlvbFailureKind.SequenceMismatch, shape);
        Assert.Equal(IlvbErrorCategory.Transient, ex.Category);
    }

    [Fact]
    public async Task HeaderFailure_WithoutAnEchoedSeq_SurfacesTheHeaderResult()
    {
        _server.Reply = _ => new ScriptedReply(200, """{"reqhead":{"uint32_result":-1,"str_error_msg":"unpack failed"}}""");
        using var services = TestClients.Build(_server.BaseUrl);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => services.Client().StopPushAsync(new StopPushRequest { Target = Target }));

        Assert.Equal(IlvbFailureKind.HeaderResult, ex.Kind);
        Assert.Equal(-1, ex.Code);
        Assert.Equal(IlvbErrorCategory.Fatal, ex.Category);
        Assert.Equal("unpack failed", ex.VendorMessage);
        Assert.Equal(IlvbOperation.StopPush, ex.Operation);
    }

    [Fact]
    public async Task AbsentBodyResult_ReadsAsSuccess_LikeProtobufDefaults()
    {
        _server.Reply = request => ScriptedReply.Success(request, JObject.Parse("""{"rsp_0x6":{"uint64_channel_id":5}}"""));
        using var services = TestClients.Build(_server.BaseUrl);

        var result = await services.Client().StartPushAsync(new StartPushRequest { Target = Target, ChannelName = "c" });

        Assert.Equal(5ul, result.ChannelId);
        Assert.Empty(result.LiveUrls);
    }

    [Fact]
    public async Task VendorText_EchoingTheUserSig_IsRedacted()
    {
        _server.Reply = request => ScriptedReply.Success(
            request, new JObject { ["rsp_0x6"] = new JObject { ["uint32_result"] = 1001, ["str_errorinfo"] = "bad usersig " + UserSigWithSpecials } });
        using var services = TestClients.Build(_server.BaseUrl, o =>
        {
            o.SecretKey = null;
            o.UserSig = UserSigWithSpecials;
        });

        var ex = await Assert.ThrowsAsync<IlvbException>(() => services.Client().StopPushAsync(new StopPushRequest { Target = Target }));

        Assert.Equal(1001, ex.Code);
        Assert.Equal("bad usersig [redacted]", ex.VendorMessage);
        Assert.DoesNotContain(UserSigWithSpecials, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, IlvbErrorCategory.Fatal)]
    [InlineData(401, IlvbErrorCategory.Fatal)]
    [InlineData(429, IlvbErrorCategory.Transient)]
    [InlineData(500, IlvbErrorCategory.Transient)]
    [InlineData(503, IlvbErrorCategory.Transient)]
    public async Task HttpStatus_IsItsOwnFailure_5xxTransient_4xxFatal(int status, IlvbErrorCategory category)
    {
        _server.Reply = request => ScriptedReply.Success(request, JObject.Parse("""{"uint32_result":0}""")) with { Status = status };
        using var services = TestClients.Build(_server.BaseUrl);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => services.Client().StopPushAsync(new StopPushRequest { Target = Target }));

        Assert.Equal(IlvbFailureKind.HttpStatus, ex.Kind);
        Assert.Equal(status, ex.Code);
        Assert.Equal(category, ex.Category);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed()
    {
        _server.Reply = request => request.Url.AbsolutePath == "/v3/openim/videorelay"
            ? new ScriptedReply(307, "", Location: new Uri(_server.BaseUrl, "elsewhere").ToString())
            : ScriptedReply.Success(request, new JObject());
        using var services = TestClients.Build(_server.BaseUrl);

        var ex = await Assert.ThrowsAsync<IlvbException>(() => services.Client().StopPushAsync(new StopPushRequest { Target = Target }));

        Assert.Equal(IlvbFailureKind.HttpStatus, ex.Kind);
        Assert.Equal(307, ex.Code);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task InvalidRequest_IsRejectedBeforeSending()
    {
        using var services = TestClients.Build(_server.BaseUrl);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            services.Client().StartPushAsync(new StartPushRequest { Target = Target, ChannelName = " " }));

        Assert.Equal("request.ChannelName", ex.ParamName);
        Assert.Empty(_server.Requests);
    }
}
