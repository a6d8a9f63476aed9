namespace MonitoringHost.Sdk.Contracts;

/// <summary>SCOM's ten free-text fields of an alert, as one set for reading and writing.</summary>
public interface ICustomFields
{
    /// <summary>Custom field 1.</summary>
    string? CustomField1 { get; }

    /// <summary>Custom field 2.</summary>
    string? CustomField2 { get; }

    /// <summary>Custom field 3.</summary>
    string? CustomField3 { get; }

    /// <summary>Custom field 4.</summary>
    string? CustomField4 { get; }

    /// <summary>Custom field 5.</summary>
    string? CustomField5 { get; }

    /// <summary>Custom field 6.</summary>
    string? CustomField6 { get; }

    /// <summary>Custom field 7.</summary>
    string? CustomField7 { get; }

    /// <summary>Custom field 8.</summary>
    string? CustomField8 { get; }

    /// <summary>Custom field 9.</summary>
    string? CustomField9 { get; }

    /// <summary>Custom field 10.</summary>
    string? CustomField10 { get; }
}
