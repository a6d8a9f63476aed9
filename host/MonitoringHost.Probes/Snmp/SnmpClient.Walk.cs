using System.Collections.Immutable;

namespace MonitoringHost.Probes.Snmp;

/// <summary>Walks and table reads, on GETBULK.</summary>
public sealed partial class SnmpClient
{
    /// <summary>
    /// Every object instance below <paramref name="rootOid"/>, in MIB order, read with GETBULK until the subtree ends
    /// or the agent's MIB view does. On a failure the result has what was read before it, and the error. An agent
    /// that answers tooBig is asked for half as many repetitions.
    /// </summary>
    public async Task<SnmpResult> WalkAsync(string rootOid, CancellationToken cancellationToken)
    {
        var root = SnmpOid.Normalize(rootOid);
        var variables = ImmutableArray.CreateBuilder<SnmpVariable>();
        var next = root;
        var repetitions = Agent.MaxRepetitions;
        while (true)
        {
            var page = await GetBulkAsync(0, repetitions, [next], cancellationToken).ConfigureAwait(false);
            if (page.Error is { Status: SnmpErrorStatus.TooBig } && repetitions > 1)
            {
                repetitions /= 2;
                continue;
            }

            if (page.Error is not null)
            {
                return new SnmpResult(variables.ToImmutable(), page.Error);
            }

            if (page.Variables.IsEmpty)
            {
                return new SnmpResult(variables.ToImmutable(), null);
            }

            foreach (var variable in page.Variables)
            {
                if (variable.Value.Type == SnmpValueType.EndOfMibView || !SnmpOid.IsUnder(variable.Oid, root))
                {
                    return new SnmpResult(variables.ToImmutable(), null);
                }

                if (SnmpOid.Compare(variable.Oid, next) <= 0)
                {
                    return new SnmpResult(variables.ToImmutable(), new SnmpError(
                        SnmpErrorKind.NotIncreasing,
                        $"{Agent.Endpoint} answered {variable.Oid} after {next}: OIDs of a walk must increase") { Oid = variable.Oid });
                }

                variables.Add(variable);
                next = variable.Oid;
            }
        }
    }

    /// <summary>
    /// A table's rows: <paramref name="entryOid"/> is the table's entry (<c>ifEntry</c>, 1.3.6.1.2.1.2.2.1); each
    /// object below it is <c>entry.column.index</c>. With <paramref name="columns"/> only those columns are walked,
    /// else all of them. Rows come in index order; a row has only the columns the agent gave it.
    /// </summary>
    public async Task<SnmpTable> ReadTableAsync(string entryOid, IReadOnlyCollection<uint>? columns, CancellationToken cancellationToken)
    {
        var entry = SnmpOid.Normalize(entryOid);
        var roots = columns is { Count: > 0 } ? columns.Distinct().Select(c => $"{entry}.{c}").ToList() : [entry];
        var rows = new SortedDictionary<string, ImmutableSortedDictionary<uint, SnmpValue>.Builder>(Comparer<string>.Create(SnmpOid.Compare));
        foreach (var root in roots)
        {
            var walk = await WalkAsync(root, cancellationToken).ConfigureAwait(false);
            if (walk.Error is not null)
            {
                return new SnmpTable(entry, [], walk.Error);
            }

            foreach (var variable in walk.Variables)
            {
                var suffix = SnmpOid.Suffix(variable.Oid, entry);
                var dot = suffix.IndexOf('.', StringComparison.Ordinal);
                if (dot < 0)
                {
                    // entry.column with no index is not a table cell (an agent's odd scalar there): it belongs to no row.
                    continue;
                }

                var column = uint.Parse(suffix.AsSpan(0, dot), System.Globalization.CultureInfo.InvariantCulture);
                var index = suffix[(dot + 1)..];
                if (!rows.TryGetValue(index, out var row))
                {
                    rows[index] = row = ImmutableSortedDictionary.CreateBuilder<uint, SnmpValue>();
                }

                row[column] = variable.Value;
            }
        }

        return new SnmpTable(entry, [.. rows.Select(r => new SnmpTableRow(r.Key, r.Value.ToImmutable()))], null);
    }
}
