namespace Broadcast.Ilvb.Simulator;

/// <summary>The seed codes the simulator's own logic answers with.</summary>
internal static class ResultCodes
{
    public const long Success = 0;

    public const long HeaderUnpack = -1;
    public const long HeaderPacket = -2;
    public const long HeaderInternal = -3;
    public const long HeaderVerification = -4;
    public const long HeaderAvToken = -5;

    public const long Permission = 1001;
    public const long ChannelLimit = 20101;

    public const long PushBadRequest = 40000000;
    public const long PushPacketMissing = 40000001;
    public const long PushOperMissing = 40000002;
    public const long PushLiveCodeMissing = 40000003;
    public const long PushDataTypeInvalid = 40000004;
    public const long PushOperInvalid = 40000005;
    public const long PushRoomMissing = 40000410;
    public const long PushUserNotInRoom = 40000411;
    public const long PushAlreadyEnded = 40000412;
    public const long PushAlreadyRunning = 40000415;

    public const long RecordBadRequest = 30000000;
    public const long RecordPacketMissing = 30000001;
    public const long RecordFileNameMissing = 30000002;
    public const long RecordOperMissing = 30000003;
    public const long RecordDataTypeInvalid = 30000004;
    public const long RecordRoomMissing = 30000410;
    public const long RecordUserNotInRoom = 30000411;
    public const long RecordAlreadyEnded = 30000412;
    public const long RecordAlreadyRunning = 30000415;
}
