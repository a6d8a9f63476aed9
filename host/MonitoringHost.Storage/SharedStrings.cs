using System.Buffers;
using System.Text;

namespace MonitoringHost.Storage;

/// <summary>
/// One string instance per distinct value while loading: a million objects share a few hundred class names,
/// property names and claim sources, and the instance space keeps what it is given. Not thread-safe.
/// </summary>
internal sealed class SharedStrings : IDisposable
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _chars = ArrayPool<char>.Shared.Rent(256);

    public SharedStrings()
    {
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(string value)
    {
        if (_strings.TryGetValue(value, out var shared))
        {
            return shared;
        }

        _strings.Add(value, value);
        return value;
    }

    public string Get(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var shared))
        {
            return shared;
        }

        var text = value.ToString();
        _strings.Add(text, text);
        return text;
    }

    public string GetUtf8(ReadOnlySpan<byte> utf8)
    {
        var length = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (_chars.Length < length)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(length);
        }

        return Get(_chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars)));
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }
}
