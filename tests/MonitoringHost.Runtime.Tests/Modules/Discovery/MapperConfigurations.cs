using static MonitoringHost.Runtime.Tests.Modules.ModuleTestModel;

namespace MonitoringHost.Runtime.Tests.Modules.Discovery;

/// <summary>Mapper configurations written as a pack's would arrive: every <c>$MPElement</c> already a GUID.</summary>
internal static class MapperConfigurations
{
    public static string Setting(string className, string property, string value) =>
        $"<Setting><Name>{PropertyReference(className, property)}</Name><Value>{value}</Value></Setting>";

    public static string Settings(string container, params string[] settings) =>
        $"<{container}><Settings>{string.Concat(settings)}</Settings></{container}>";

    public static string ClassMapper(string className, params string[] settings) => $"""
        <ConditionDetection ID="Mapper" TypeID="System!System.Discovery.ClassSnapshotDataMapper">
          <ClassId>{ClassGuid(className)}</ClassId>
          {Settings("InstanceSettings", settings)}
        </ConditionDetection>
        """;

    /// <summary>A Test.App on the computer web01.contoso.com, its instance and version read from a property bag.</summary>
    public static string AppMapper() => ClassMapper(
        "Test.App",
        Setting("Microsoft.Windows.Computer", "PrincipalName", "web01.contoso.com"),
        Setting("Test.App", "InstanceName", "$Data/Property[@Name='Instance']$"),
        Setting("Test.App", "Version", "$Data/Property[@Name='Version']$"),
        Setting("Test.App", "Port", "$Data/Property[@Name='Port']$"),
        Setting("System.Entity", "DisplayName", "$Data/Property[@Name='Instance']$ on web01"));
}
