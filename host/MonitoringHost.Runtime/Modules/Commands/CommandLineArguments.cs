using System.Collections.Immutable;
using System.Text;

namespace MonitoringHost.Runtime.Modules.Commands;

/// <summary>
/// Splits a <c>CommandLine</c> into arguments the way Windows programs split theirs (the Microsoft C runtime's
/// rules, which <c>CommandLineToArgvW</c> and .NET follow): packs write command lines for Windows, so a quoted path
/// with spaces or an escaped quote means here what it meant there, and no shell sees the text.
/// <list type="bullet">
/// <item>Spaces and tabs outside double quotes separate arguments.</item>
/// <item>A double quote opens or closes a quoted part; <c>""</c> inside a quoted part is one literal quote.</item>
/// <item>2n backslashes before a quote give n backslashes and the quote opens or closes; 2n+1 give n and a literal quote.</item>
/// <item>Backslashes not followed by a quote are literal.</item>
/// </list>
/// </summary>
public static class CommandLineArguments
{
    public static ImmutableArray<string> Split(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var arguments = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();

        // "" is an argument of its own: quotes start an argument even when they add no character.
        var started = false;
        var quoted = false;
        var i = 0;
        while (i < commandLine.Length)
        {
            var c = commandLine[i];
            if (c == '\\')
            {
                var run = 0;
                while (i < commandLine.Length && commandLine[i] == '\\')
                {
                    run++;
                    i++;
                }

                started = true;
                if (i < commandLine.Length && commandLine[i] == '"')
                {
                    current.Append('\\', run / 2);
                    if (run % 2 == 1)
                    {
                        current.Append('"');
                        i++;
                    }
                }
                else
                {
                    current.Append('\\', run);
                }

                continue;
            }

            if (c == '"')
            {
                started = true;
                if (quoted && i + 1 < commandLine.Length && commandLine[i + 1] == '"')
                {
                    current.Append('"');
                    i += 2;
                    continue;
                }

                quoted = !quoted;
                i++;
                continue;
            }

            if (!quoted && c is ' ' or '\t')
            {
                if (started)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    started = false;
                }

                i++;
                continue;
            }

            current.Append(c);
            started = true;
            i++;
        }

        if (started)
        {
            arguments.Add(current.ToString());
        }

        return arguments.ToImmutable();
    }
}
