using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Broadcast.Durable.Execution;

/// <summary>Name-based (version 5) GUIDs, so an orchestration gets the same ids on every replay.</summary>
internal static class DeterministicGuid
{
    private static readonly byte[] Namespace = new Guid("9e952958-5e33-4daf-827f-2fa12937b875").ToByteArray(bigEndian: true);

    public static Guid Create(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[Namespace.Length + nameBytes.Length];
        Namespace.CopyTo(buffer, 0);
        nameBytes.CopyTo(buffer, Namespace.Length);
#pragma warning disable CA5350 // RFC 4122 version 5 is defined on SHA-1; this is an id, not a security hash.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
