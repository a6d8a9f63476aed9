namespace Itsm.Service;

/// <summary>One entry of an incident's work log.</summary>
/// <param name="Time">When (UTC).</param>
/// <param name="By">Who wrote it.</param>
/// <param name="Text">What was written.</param>
public sealed record IncidentComment(DateTimeOffset Time, string By, string Text);
