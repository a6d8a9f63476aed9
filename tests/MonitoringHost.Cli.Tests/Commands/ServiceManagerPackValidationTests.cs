using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Cli.Tests.Commands;

/// <summary><c>mh mp validate packs/servicemanager</c>: the Service Manager pack against the shipped libraries.</summary>
public sealed class ServiceManagerPackValidationTests
{
    [Fact]
    public void ServiceManagerPack_HasNoErrorsAndNoWarnings()
    {
        var (exitCode, output, error) = Mh.Run("mp", "validate", Path.Combine(RepositoryPaths.Root, "packs", "servicemanager"));

        exitCode.Should().Be(0, output + error);
        output.TrimEnd().Split('\n').Last().Should().Be("1 pack(s), 2 class(es), 8 workflow(s): 0 error(s), 0 warning(s)");
    }
}
