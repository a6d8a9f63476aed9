using MonitoringHost.ManagementPacks.Reading;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>A pack for a test: the name problems report as its path, its XML, and how to read it.</summary>
internal sealed record TestFile(string Name, string Xml, ManagementPackReadOptions? Options = null);
