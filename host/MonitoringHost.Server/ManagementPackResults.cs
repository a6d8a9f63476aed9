using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.Server;

/// <summary>A pack given to an import: the name it was uploaded under (a file name, or "body") and its XML bytes.</summary>
public sealed record PackUpload(string FileName, byte[] Xml);

/// <summary>One problem with an import or a delete, as API.md's <c>errors</c> entries give it.</summary>
public sealed record PackError(string? Path, int? Line, int? Column, string? ElementId, string Code, string Message)
{
    public static PackError From(PackProblem problem) => new(
        problem.Location.Path,
        problem.Location.Line > 0 ? problem.Location.Line : null,
        problem.Location.Column > 0 ? problem.Location.Column : null,
        problem.ElementId,
        problem.Code,
        problem.Message);
}

/// <summary>How a pack change ended; each maps to one status code.</summary>
public enum PackChangeOutcome
{
    /// <summary>Imported or deleted (201 / 204).</summary>
    Done,

    /// <summary><c>validateOnly</c>: the packs would import (200).</summary>
    Validated,

    /// <summary>A pack does not parse, or the request names the same pack twice (400).</summary>
    Invalid,

    /// <summary>The packs parse but the set does not validate (422).</summary>
    NotValid,

    /// <summary>The change conflicts with the packs installed (409): a version, a reference, a pack that cannot be removed.</summary>
    Conflict,

    /// <summary>No such pack (404).</summary>
    NotFound,
}

/// <summary>What a pack change did, or every reason it did nothing.</summary>
public sealed record PackChangeResult(PackChangeOutcome Outcome, string Detail, IReadOnlyList<ManagementPackInfo> Packs, IReadOnlyList<PackError> Errors)
{
    public static PackChangeResult Refused(PackChangeOutcome outcome, string detail, IReadOnlyList<PackError>? errors = null) => new(outcome, detail, [], errors ?? []);
}

/// <summary>A pack of the running set as the API shows it.</summary>
public sealed record ManagementPackInfo(
    Guid Id,
    string Name,
    string DisplayName,
    Version Version,
    bool Sealed,
    ManagementPackOrigin Origin,
    DateTimeOffset? ImportedAt,
    string? ImportedBy,
    IReadOnlyDictionary<string, int> ElementCounts,
    IReadOnlyList<ManagementPackReferenceInfo> References,
    IReadOnlyList<string> ReferencedBy);

/// <summary>A manifest reference: alias, the pack's ID, the lowest version it takes, its key.</summary>
public sealed record ManagementPackReferenceInfo(string Alias, string Name, Version Version, string? PublicKeyToken);
