namespace MonitoringHost.Runtime.Modules.Conditions;

/// <summary>
/// The "N of M" memory of one expression filter instance: the latest samples (or, when only time bounds the window,
/// the latest matches) in a ring. A pass clears it, so the next pass needs MatchCount new matches, the way a
/// consecutive-samples monitor re-arms.
/// </summary>
internal sealed class SuppressionWindow
{
    private readonly SuppressionSettings _settings;
    private readonly bool _recordsMisses;
    private readonly long[] _ticks;
    private readonly bool[] _matched;
    private readonly Lock _gate = new();
    private int _count;
    private int _next;

    public SuppressionWindow(SuppressionSettings settings)
    {
        _settings = settings;
        _recordsMisses = settings.EffectiveSampleCount is not null;
        var capacity = settings.EffectiveSampleCount ?? settings.MatchCount;
        _ticks = new long[capacity];
        _matched = new bool[capacity];
    }

    /// <summary>Records one sample taken at <paramref name="now"/>; whether it passes.</summary>
    public bool Record(bool matched, DateTimeOffset now)
    {
        if (!matched && !_recordsMisses)
        {
            return false;
        }

        lock (_gate)
        {
            _ticks[_next] = now.UtcTicks;
            _matched[_next] = matched;
            _next = (_next + 1) % _ticks.Length;
            _count = Math.Min(_count + 1, _ticks.Length);
            if (!matched)
            {
                return false;
            }

            var oldest = _settings.Within is { } within ? now.UtcTicks - within.Ticks : long.MinValue;
            var matches = 0;
            for (var i = 0; i < _count; i++)
            {
                if (_matched[i] && _ticks[i] >= oldest)
                {
                    matches++;
                }
            }

            if (matches < _settings.MatchCount)
            {
                return false;
            }

            (_count, _next) = (0, 0);
            Array.Clear(_matched);
            return true;
        }
    }
}
