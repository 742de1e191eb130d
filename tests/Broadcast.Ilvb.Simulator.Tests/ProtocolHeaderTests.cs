using System.Text.Json.Nodes;

namespace Broadcast.Ilvb.Simulator.Tests;

public sealed class ProtocolHeaderTests : SimulatorTest
{
    [Theory]
    [InlineData("usersig")]
    [InlineData("identifier")]
    [InlineData("random")]
    public async Task Videorelay_QueryParameterMissing_AnswersHeaderMinus4(string missing)
    {
        State.JoinUser(1, "alice");
        var query = string.Join('&', Wire.Query().Split('&').Where(p => !p.StartsWith(missing + "=", StringComparison.Ordinal)));

        var reply = await Client.SendAsync(Wire.Push(1, "alice", Wire.StartPushBody()), query);

        Assert.Equal(-4, reply.HeadResult);
        Assert.Contains(missing, reply.HeadError, StringComparison.Ordinal);
        Assert.Null(reply.Json["rspbody"]);
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task Videorelay_RandomNotUnsigned_AnswersHeaderMinus4()
    {
        var reply = await Client.SendAsync(Wire.Push(1, "alice", Wire.StartPushBody()), Wire.Query(random: "-5"));

        Assert.Equal(-4, reply.HeadResult);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"reqhead\":")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    [InlineData("{\"reqhead\":{},\"reqhead\":{}}")]
    public async Task Videorelay_BodyNotAJsonObject_AnswersHeaderMinus1(string body)
    {
        using var response = await Client.PostRawAsync(body);
        var reply = new Reply(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());

        Assert.Equal(-1, reply.HeadResult);
        Assert.Contains("unpacking error", reply.HeadError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uint32_sub_cmd")]
    [InlineData("uint32_seq")]
    [InlineData("uint32_auth_key")]
    [InlineData("uint32_sdk_appid")]
    [InlineData("rpt_to_Account")]
    public async Task Videorelay_HeadFieldMissing_AnswersHeaderMinus2NamingIt(string field)
    {
        State.JoinUser(1, "alice");
        var envelope = Wire.Push(1, "alice", Wire.StartPushBody());
        ((JsonObject)envelope["reqhead"]!).Remove(field);

        var reply = await Client.SendAsync(envelope);

        Assert.Equal(-2, reply.HeadResult);
        Assert.Contains(field, reply.HeadError, StringComparison.Ordinal);
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task Videorelay_SeqSentAsString_AnswersHeaderMinus2()
    {
        var envelope = Wire.Push(1, "alice", Wire.StartPushBody());
        envelope["reqhead"]!["uint32_seq"] = "17";

        var reply = await Client.SendAsync(envelope);

        Assert.Equal(-2, reply.HeadResult);
        Assert.Contains("uint32_seq", reply.HeadError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Videorelay_AccountsNotExactlyOne_AnswersHeaderMinus2(int accounts)
    {
        State.JoinUser(1, "alice");
        State.JoinUser(1, "bob");
        var envelope = Wire.Push(1, "alice", Wire.StartPushBody());
        envelope["reqhead"]!["rpt_to_Account"] = new JsonArray([.. new[] { "alice", "bob" }.Take(accounts).Select(a => (JsonNode)a)]);

        var reply = await Client.SendAsync(envelope);

        Assert.Equal(-2, reply.HeadResult);
        Assert.Contains("rpt_to_Account", reply.HeadError, StringComparison.Ordinal);
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task Videorelay_UnknownSubCmd_AnswersHeaderMinus2()
    {
        var envelope = Wire.Envelope(Wire.Head(1, 1, "alice"), "req_0x1", new JsonObject());

        var reply = await Client.SendAsync(envelope);

        Assert.Equal(-2, reply.HeadResult);
        Assert.Contains("uint32_sub_cmd", reply.HeadError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Videorelay_WrongSdkAppIdInQuery_Answers1001AndDoesNothing()
    {
        State.JoinUser(1, "alice");

        var reply = await Client.SendAsync(Wire.Push(1, "alice", Wire.StartPushBody()), Wire.Query(sdkAppId: "1400000001"));

        Assert.Equal(0, reply.HeadResult);
        Assert.Equal(1001, reply.Code);
        Assert.Empty(State.ActivePushes);
    }

    [Fact]
    public async Task Videorelay_WrongSdkAppIdInHeader_Answers1001()
    {
        State.JoinUser(1, "alice");
        var envelope = Wire.Envelope(Wire.Head(5, 1, "alice", sdkAppId: 42), "req_0x5", Wire.StartRecordingBody());

        var reply = await Client.SendAsync(envelope);

        Assert.Equal(1001, reply.Code);
        Assert.NotNull(reply.Json["rspbody"]!["rsp_0x5"]);
        Assert.Empty(State.ActiveRecordings);
    }

    [Fact]
    public async Task Videorelay_EchoesSeqCookieAndExtraHeadFields()
    {
        State.JoinUser(1, "alice");
        var envelope = Wire.Push(1, "alice", Wire.StartPushBody());
        envelope["reqhead"]!["uint32_seq"] = 4000000123u;
        envelope["reqhead"]!["bytes_cookie_buff"] = "opaque/cookie+value==";
        envelope["reqhead"]!["str_openid"] = "backend";

        var reply = await Client.SendAsync(envelope);

        Assert.Equal(0, reply.Code);
        Assert.Equal(4000000123u, reply.Head["uint32_seq"]!.GetValue<uint>());
        Assert.Equal("opaque/cookie+value==", reply.Head["bytes_cookie_buff"]!.GetValue<string>());
        Assert.Equal("backend", reply.Head["str_openid"]!.GetValue<string>());
        Assert.Equal(6u, reply.Head["uint32_sub_cmd"]!.GetValue<uint>());
    }

    [Fact]
    public async Task Videorelay_ErrorAnswers_EchoSeqAndCookieToo()
    {
        var envelope = Wire.Push(9, "nobody", Wire.StartPushBody(), seq: 31337);

        var reply = await Client.SendAsync(envelope);

        Assert.Equal(40000410, reply.Code);
        Assert.Equal(31337u, reply.Head["uint32_seq"]!.GetValue<uint>());
        Assert.Equal("cookie-1", reply.Head["bytes_cookie_buff"]!.GetValue<string>());
    }

    [Fact]
    public async Task Videorelay_GetMethod_IsNotServed()
    {
        using var response = await Client.Http.GetAsync($"v3/openim/videorelay?{Wire.Query()}");

        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
