namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>Names the problem code a test proves is reported; <see cref="ProblemCodeCoverageTests"/> checks every code has one.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class CoversAttribute(string code) : Attribute
{
    public string Code { get; } = code;
}
