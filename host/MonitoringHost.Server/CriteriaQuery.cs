using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Runtime.Criteria;

namespace MonitoringHost.Server;

/// <summary>
/// <c>?criteria=</c> of a list request (API.md "Criteria"): compiled once per request over the list's fields, or a 400
/// problem document whose errors give the column, the code, the field and what is wrong.
/// </summary>
internal static class CriteriaQuery
{
    /// <summary>The request's criteria as a predicate (null when it has none), or the problem to answer with.</summary>
    public static async Task<(Func<T, bool>? Filter, IResult? Problem)> ReadAsync<T>(HttpContext context, Func<Task<CriteriaSchema<T>>> schema)
    {
        if (!context.Request.Query.TryGetValue("criteria", out var values))
        {
            return (null, null);
        }

        if (values.Count != 1)
        {
            return (null, Problems.Invalid("criteria", $"give criteria once (it was given {values.Count} times)"));
        }

        try
        {
            return ((await schema().ConfigureAwait(false)).Compile(values[0] ?? ""), null);
        }
        catch (CriteriaException e)
        {
            return (null, Problems.Invalid(
                e.Problems.Select(p => new Sdk.Contracts.ProblemError(p.Code, p.Message) { Path = "criteria", Column = p.Position, Field = p.Field }),
                $"criteria {e.Problems[0].Message}"));
        }
    }

    /// <summary>The answer when a LIKE or MATCHES pattern ran past its time on one value (a pattern that backtracks without end).</summary>
    public static IResult TimedOut(RegexMatchTimeoutException e) =>
        Problems.Invalid("criteria", string.Create(
            CultureInfo.InvariantCulture,
            $"the pattern {e.Pattern} took longer than {e.MatchTimeout.TotalMilliseconds} ms on one value; write one that does not backtrack so much"));
}
