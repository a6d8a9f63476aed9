using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>
/// The server side of NTLM over HTTP (MS-NLMP), as IIS's Windows authentication answers it: a NEGOTIATE message gets a
/// CHALLENGE with a random server challenge and the target information, kept per connection; the AUTHENTICATE message
/// on that connection is accepted when its NTLMv2 response proves the password of the expected domain and user
/// (NTProofStr = HMAC-MD5(NTOWFv2, server challenge + blob)). The message integrity code is not checked.
/// </summary>
public sealed class NtlmAcceptor(string domain, string userName, string password)
{
    private const uint Unicode = 0x1, RequestTarget = 0x4, Ntlm = 0x200, TargetTypeDomain = 0x10000, TargetInfo = 0x800000, Version = 0x2000000;

    private static readonly byte[] Signature = "NTLMSSP\0"u8.ToArray();

    private readonly ConcurrentDictionary<string, byte[]> _challenges = new(StringComparer.Ordinal);

    /// <summary>AUTHENTICATE messages accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    private int _accepted;

    public enum Outcome
    {
        /// <summary>A NEGOTIATE message: answer 401 with the CHALLENGE in <c>WWW-Authenticate: NTLM …</c>.</summary>
        Challenge,

        /// <summary>An AUTHENTICATE message that proves the password: serve the request.</summary>
        Accepted,

        /// <summary>Anything else: answer 401 as to a request without credentials.</summary>
        Refused,
    }

    /// <summary>What to do with the token of an <c>Authorization: NTLM …</c> header on <paramref name="connection"/>.</summary>
    public (Outcome Outcome, string? Challenge) Handle(string connection, string token)
    {
        byte[] message;
        try
        {
            message = Convert.FromBase64String(token);
        }
        catch (FormatException)
        {
            return (Outcome.Refused, null);
        }

        if (message.Length < 12 || !message.AsSpan(0, 8).SequenceEqual(Signature))
        {
            return (Outcome.Refused, null);
        }

        switch (BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(8)))
        {
            case 1 when message.Length >= 16:
                var serverChallenge = RandomNumberGenerator.GetBytes(8);
                _challenges[connection] = serverChallenge;
                var requested = BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(12));
                return (Outcome.Challenge, Convert.ToBase64String(ChallengeMessage(serverChallenge, requested)));
            case 3 when _challenges.TryRemove(connection, out var issued) && Proves(message, issued):
                Interlocked.Increment(ref _accepted);
                return (Outcome.Accepted, null);
            default:
                return (Outcome.Refused, null);
        }
    }

    /// <summary>The CHALLENGE: what the client asked for (signing, sealing, key exchange…) granted, Unicode, a domain target with its information.</summary>
    private byte[] ChallengeMessage(byte[] serverChallenge, uint requested)
    {
        var targetName = Encoding.Unicode.GetBytes(domain);
        var info = new MemoryStream();
        void Pair(ushort id, ReadOnlySpan<byte> value)
        {
            Span<byte> head = stackalloc byte[4];
            BinaryPrimitives.WriteUInt16LittleEndian(head, id);
            BinaryPrimitives.WriteUInt16LittleEndian(head[2..], (ushort)value.Length);
            info.Write(head);
            info.Write(value);
        }

        Pair(2, Encoding.Unicode.GetBytes(domain));
        Pair(1, Encoding.Unicode.GetBytes("SCO01"));
        Pair(4, Encoding.Unicode.GetBytes(domain.ToLowerInvariant() + ".test"));
        Pair(3, Encoding.Unicode.GetBytes("sco01." + domain.ToLowerInvariant() + ".test"));
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(time, DateTime.UtcNow.ToFileTimeUtc());
        Pair(7, time);
        Pair(0, []);
        var targetInfo = info.ToArray();

        const int payload = 56;
        var message = new byte[payload + targetName.Length + targetInfo.Length];
        var span = message.AsSpan();
        Signature.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], 2);
        Field(span[12..], targetName.Length, payload);
        const uint Oem = 0x2;
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (requested & ~Oem) | Unicode | RequestTarget | Ntlm | TargetTypeDomain | TargetInfo | Version);
        serverChallenge.CopyTo(span[24..]);
        Field(span[40..], targetInfo.Length, payload + targetName.Length);
        span[48] = 10; // Windows 10.0, build 20348, NTLM revision 15
        BinaryPrimitives.WriteUInt16LittleEndian(span[50..], 20348);
        span[55] = 15;
        targetName.CopyTo(span[payload..]);
        targetInfo.CopyTo(span[(payload + targetName.Length)..]);
        return message;
    }

    private bool Proves(byte[] message, byte[] serverChallenge)
    {
        if (message.Length < 64
            || Read(message, 20) is not { Length: > 16 } ntResponse
            || Read(message, 28) is not { } domainBytes
            || Read(message, 36) is not { } userBytes)
        {
            return false;
        }

        var sentDomain = Encoding.Unicode.GetString(domainBytes);
        var sentUser = Encoding.Unicode.GetString(userBytes);
        if (!string.Equals(sentDomain, domain, StringComparison.OrdinalIgnoreCase) || !string.Equals(sentUser, userName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

#pragma warning disable CA5351 // NTLMv2 is defined on HMAC-MD5 and MD4; this double checks what a client sends.
        var ntowf2 = HMACMD5.HashData(Md4.Hash(Encoding.Unicode.GetBytes(password)), Encoding.Unicode.GetBytes(sentUser.ToUpperInvariant() + sentDomain));
        byte[] challengeAndBlob = [.. serverChallenge, .. ntResponse.AsSpan(16)];
        var proof = HMACMD5.HashData(ntowf2, challengeAndBlob);
#pragma warning restore CA5351
        return CryptographicOperations.FixedTimeEquals(proof, ntResponse.AsSpan(0, 16));
    }

    private static void Field(Span<byte> at, int length, int offset)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], (ushort)length);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], (uint)offset);
    }

    private static byte[]? Read(byte[] message, int field)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(field));
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(field + 4));
        return (long)offset + length <= message.Length ? message.AsSpan((int)offset, length).ToArray() : null;
    }

    /// <summary>MD4 (RFC 1320), which the NT hash of a password is and .NET does not offer.</summary>
    private static class Md4
    {
        public static byte[] Hash(byte[] input)
        {
            var padded = new byte[((input.Length + 8) / 64 + 1) * 64];
            input.CopyTo(padded, 0);
            padded[input.Length] = 0x80;
            BinaryPrimitives.WriteUInt64LittleEndian(padded.AsSpan(padded.Length - 8), (ulong)input.Length * 8);
            uint a = 0x67452301, b = 0xefcdab89, c = 0x98badcfe, d = 0x10325476;
            var x = new uint[16];
            for (var block = 0; block < padded.Length; block += 64)
            {
                for (var i = 0; i < 16; i++)
                {
                    x[i] = BinaryPrimitives.ReadUInt32LittleEndian(padded.AsSpan(block + i * 4));
                }

                var (aa, bb, cc, dd) = (a, b, c, d);
                int[] s1 = [3, 7, 11, 19], s2 = [3, 5, 9, 13], s3 = [3, 9, 11, 15];
                for (var i = 0; i < 16; i++)
                {
                    var t = a + ((b & c) | (~b & d)) + x[i];
                    (a, b, c, d) = (d, uint.RotateLeft(t, s1[i % 4]), b, c);
                }

                for (var i = 0; i < 16; i++)
                {
                    var k = (i % 4 * 4) + (i / 4);
                    var t = a + ((b & c) | (b & d) | (c & d)) + x[k] + 0x5a827999;
                    (a, b, c, d) = (d, uint.RotateLeft(t, s2[i % 4]), b, c);
                }

                int[] order = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];
                for (var i = 0; i < 16; i++)
                {
                    var t = a + (b ^ c ^ d) + x[order[i]] + 0x6ed9eba1;
                    (a, b, c, d) = (d, uint.RotateLeft(t, s3[i % 4]), b, c);
                }

                (a, b, c, d) = (a + aa, b + bb, c + cc, d + dd);
            }

            var digest = new byte[16];
            BinaryPrimitives.WriteUInt32LittleEndian(digest, a);
            BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(4), b);
            BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(8), c);
            BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(12), d);
            return digest;
        }
    }
}
