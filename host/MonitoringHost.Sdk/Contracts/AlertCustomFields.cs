namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// SCOM's ten free-text fields of an alert (<c>customField1</c>…<c>customField10</c>), shared by the alert, a new alert
/// and a change to an alert; in a request, a field left null is not set or not changed.
/// </summary>
public abstract record AlertCustomFields
{
    /// <summary>Custom field 1.</summary>
    public string? CustomField1 { get; init; }

    /// <summary>Custom field 2.</summary>
    public string? CustomField2 { get; init; }

    /// <summary>Custom field 3.</summary>
    public string? CustomField3 { get; init; }

    /// <summary>Custom field 4.</summary>
    public string? CustomField4 { get; init; }

    /// <summary>Custom field 5.</summary>
    public string? CustomField5 { get; init; }

    /// <summary>Custom field 6.</summary>
    public string? CustomField6 { get; init; }

    /// <summary>Custom field 7.</summary>
    public string? CustomField7 { get; init; }

    /// <summary>Custom field 8.</summary>
    public string? CustomField8 { get; init; }

    /// <summary>Custom field 9.</summary>
    public string? CustomField9 { get; init; }

    /// <summary>Custom field 10.</summary>
    public string? CustomField10 { get; init; }

    /// <summary>The fields given, by number (1–10).</summary>
    /// <returns>Each non-null field with its number.</returns>
    public IReadOnlyDictionary<int, string> GivenCustomFields() =>
        new[] { CustomField1, CustomField2, CustomField3, CustomField4, CustomField5, CustomField6, CustomField7, CustomField8, CustomField9, CustomField10 }
            .Select((value, i) => (value, i))
            .Where(f => f.value is not null)
            .ToDictionary(f => f.i + 1, f => f.value!);
}
