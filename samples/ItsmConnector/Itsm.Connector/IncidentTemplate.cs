namespace Itsm.Connector;

/// <summary>
/// What an incident opened from an alert gets, as a Service Manager incident template sets it: the fields the ITSM
/// service stores on the incident.
/// </summary>
/// <param name="Name">The template's name (kept on the incident, so one sees which template opened it).</param>
/// <param name="Classification">The incident's classification (category), e.g. <c>Hardware</c>, <c>Printing</c>.</param>
/// <param name="Urgency">Low, Medium or High.</param>
/// <param name="Impact">Low, Medium or High.</param>
/// <param name="SupportGroup">The tier queue the incident goes to.</param>
public sealed record IncidentTemplate(string? Name = null, string? Classification = null, string? Urgency = null, string? Impact = null, string? SupportGroup = null)
{
    /// <summary>The levels urgency and impact take.</summary>
    public static readonly string[] Levels = ["Low", "Medium", "High"];

    /// <summary>Every value that is wrong, each under <paramref name="path"/>.</summary>
    public IEnumerable<string> Problems(string path)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return $"{path}.name: a template needs a name";
        }

        if (Urgency is not null && !Levels.Contains(Urgency, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{path}.urgency: '{Urgency}' is not {string.Join(", ", Levels)}";
        }

        if (Impact is not null && !Levels.Contains(Impact, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{path}.impact: '{Impact}' is not {string.Join(", ", Levels)}";
        }
    }
}
