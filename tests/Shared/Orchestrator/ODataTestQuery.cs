using System.Globalization;

namespace MonitoringHost.Tests.Shared.Orchestrator;

/// <summary>
/// The OData v2 query options the Orchestrator service double understands: <c>$filter</c> with <c>eq</c>, <c>ne</c>,
/// <c>and</c>, <c>or</c>, <c>not</c> and parentheses over properties and string, guid, datetime, boolean, integer and
/// null literals (strings compared without regard to case, as SQL Server's collation does), and <c>$orderby</c> of
/// <c>Prop [asc|desc]</c>, comma-separated. A problem throws <see cref="ODataTestQueryException"/> with the position.
/// </summary>
internal static class ODataTestQuery
{
    public static Func<ODataTestEntity, bool> Filter(string text, string typeName, IReadOnlySet<string> properties)
    {
        var parser = new Parser(text, typeName, properties);
        var filter = parser.Or();
        parser.End();
        return filter;
    }

    public static Comparison<ODataTestEntity> OrderBy(string text, string typeName, IReadOnlySet<string> properties)
    {
        var keys = new List<(string Name, bool Descending)>();
        var position = 0;
        foreach (var part in text.Split(','))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 2 || (words.Length == 2 && words[1] is not ("asc" or "desc")))
            {
                throw new ODataTestQueryException($"Syntax error at position {position} in '{text}'.");
            }

            if (!properties.Contains(words[0]))
            {
                throw NoProperty(words[0], typeName, position);
            }

            keys.Add((words[0], words.Length == 2 && words[1] == "desc"));
            position += part.Length + 1;
        }

        return (a, b) =>
        {
            foreach (var (name, descending) in keys)
            {
                var order = Compare(a.Property(name)?.Value, b.Property(name)?.Value);
                if (order != 0)
                {
                    return descending ? -order : order;
                }
            }

            return 0;
        };
    }

    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
        (Guid x, Guid y) => string.CompareOrdinal(x.ToString("D"), y.ToString("D")),
        (IComparable x, _) when a.GetType() == b.GetType() => x.CompareTo(b),
        _ => string.CompareOrdinal(a.ToString(), b.ToString()),
    };

    private static ODataTestQueryException NoProperty(string name, string typeName, int position) =>
        new($"No property '{name}' exists in type '{ODataTestEntity.TypePrefix}{typeName}' at position {position}.");

    private sealed class Parser(string text, string typeName, IReadOnlySet<string> properties)
    {
        private int _position;

        public Func<ODataTestEntity, bool> Or()
        {
            var left = And();
            while (Keyword("or"))
            {
                var (l, r) = (left, And());
                left = e => l(e) || r(e);
            }

            return left;
        }

        public void End()
        {
            SkipSpaces();
            if (_position < text.Length)
            {
                throw Syntax();
            }
        }

        private Func<ODataTestEntity, bool> And()
        {
            var left = Primary();
            while (Keyword("and"))
            {
                var (l, r) = (left, Primary());
                left = e => l(e) && r(e);
            }

            return left;
        }

        private Func<ODataTestEntity, bool> Primary()
        {
            SkipSpaces();
            if (Peek('('))
            {
                _position++;
                var inner = Or();
                SkipSpaces();
                if (!Peek(')'))
                {
                    throw Syntax();
                }

                _position++;
                return inner;
            }

            if (Keyword("not"))
            {
                var inner = Primary();
                return e => !inner(e);
            }

            var start = _position;
            var name = Identifier();
            if (!properties.Contains(name))
            {
                throw NoProperty(name, typeName, start);
            }

            var equal = Keyword("eq") || (Keyword("ne") ? false : throw Syntax());
            var literal = Literal();
            return e => Equal(e.Property(name)?.Value, literal) == equal;
        }

        private static bool Equal(object? value, object? literal) => (value, literal) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase),
            _ => value.Equals(literal),
        };

        private object? Literal()
        {
            SkipSpaces();
            if (Peek('\''))
            {
                return Quoted();
            }

            var word = Identifier();
            switch (word)
            {
                case "true":
                    return true;
                case "false":
                    return false;
                case "null":
                    return null;
                case "guid" when Peek('\''):
                    var guid = Quoted();
                    return Guid.TryParse(guid, out var g) ? g : throw new ODataTestQueryException($"Unrecognized 'Edm.Guid' literal 'guid'{guid}'' in '{text}'.");
                case "datetime" when Peek('\''):
                    var time = Quoted();
                    return DateTime.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new ODataTestQueryException($"Unrecognized 'Edm.DateTime' literal 'datetime'{time}'' in '{text}'.");
                default:
                    return int.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : throw Syntax();
            }
        }

        private string Quoted()
        {
            var builder = new System.Text.StringBuilder();
            _position++;
            while (true)
            {
                if (_position >= text.Length)
                {
                    throw new ODataTestQueryException($"There is an unterminated string literal at position {_position} in '{text}'.");
                }

                if (text[_position] == '\'')
                {
                    if (_position + 1 < text.Length && text[_position + 1] == '\'')
                    {
                        builder.Append('\'');
                        _position += 2;
                        continue;
                    }

                    _position++;
                    return builder.ToString();
                }

                builder.Append(text[_position++]);
            }
        }

        private string Identifier()
        {
            SkipSpaces();
            var start = _position;
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '_' or '-' or '.'))
            {
                _position++;
            }

            return _position > start ? text[start.._position] : throw Syntax();
        }

        private bool Keyword(string word)
        {
            SkipSpaces();
            var end = _position + word.Length;
            if (end <= text.Length && string.CompareOrdinal(text, _position, word, 0, word.Length) == 0 && (end == text.Length || text[end] is ' ' or '('))
            {
                _position = end;
                return true;
            }

            return false;
        }

        private bool Peek(char c) => _position < text.Length && text[_position] == c;

        private void SkipSpaces()
        {
            while (_position < text.Length && text[_position] == ' ')
            {
                _position++;
            }
        }

        private ODataTestQueryException Syntax() => new($"Syntax error at position {_position} in '{text}'.");
    }
}
