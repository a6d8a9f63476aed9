using Itsm.Connector;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Samples.Tests;

/// <summary>Registering the connector with its fixed id, keeping its key, and the configuration file's checks.</summary>
public sealed class ConnectorSetupTests : ItsmFixture
{
    [Fact]
    public async Task TheFirstRun_RegistersTheConnector_StoresItsKey_AndSetsTheRoutingRule()
    {
        SetupOutput.Trim().Should().Be($"Registered connector Contoso.Itsm.IncidentSync ({ConnectorId}); its API key is stored in {Options.ApiKeyFile}");
        Options.ApiKeyFile.Should().Be(Path.Combine(Path.GetDirectoryName(ConfigFile)!, "keys", "itsm-connector.key"));
        var key = (await File.ReadAllTextAsync(Options.ApiKeyFile)).Trim();
        key.Should().StartWith("mh_");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Options.ApiKeyFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var connector = await Admin.GetConnectorAsync(ConnectorId);
        connector.Name.Should().Be("Contoso.Itsm.IncidentSync");
        var subscription = connector.Delivery!.Subscription!;
        subscription.Severities.Should().Equal("Error");
        subscription.Classes.Should().Equal("Microsoft.Windows.Computer");

        // The next run uses the stored key: it registers nothing, and reads its connector with that key.
        using var output = new StringWriter();
        using var http = new HttpClient();
        using var again = await ConnectorSetup.ConnectAsync(Options, http, output, CancellationToken.None);
        output.ToString().Should().BeEmpty();
        (await again.ListConnectorsAsync()).Should().ContainSingle().Which.Id.Should().Be(ConnectorId);
    }

    [Fact]
    public async Task ARegisteredConnectorWhoseKeyIsLost_IsNotRegisteredAgain_AndTheErrorSaysWhatToDo()
    {
        File.Delete(Options.ApiKeyFile);
        using var http = new HttpClient();

        var connecting = () => ConnectorSetup.ConnectAsync(Options, http, TextWriter.Null, CancellationToken.None);

        (await connecting.Should().ThrowAsync<InvalidOperationException>()).Which.Message
            .Should().Contain($"is not at {Options.ApiKeyFile}").And.Contain($"DELETE /api/v1/connectors/{ConnectorId}");
        (await Admin.ListConnectorsAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task AConfigurationFileWithWrongValues_IsRefused_WithEveryProblem()
    {
        var file = Path.Combine(Path.GetDirectoryName(ConfigFile)!, "bad.json");
        await File.WriteAllTextAsync(file, """
            { "monitoringHostUrl": "ftp://host/", "connectorName": " ", "acknowledgedResolutionState": 255, "waitSeconds": 90 }
            """);

        var loading = () => ConnectorOptions.Load(file);

        loading.Should().Throw<ConnectorConfigurationException>().Which.Problems.Should().Equal(
            "$.monitoringHostUrl: 'ftp://host/' is not an http or https address",
            "$.itsmUrl: '' is not an http or https address",
            "$.connectorId: a fixed GUID is required, so that registering again finds the same connector",
            "$.connectorName: a name is required",
            "$.acknowledgedResolutionState: 255 is not a custom resolution state (1 to 254)",
            "$.waitSeconds: 90 is not 0 to 60");

        await File.WriteAllTextAsync(file, """{ "itsmUrl": "http://127.0.0.1:5090/", "routingRules": [ { "name": "x", "severity": ["Error"] } ] }""");
        loading.Should().Throw<ConnectorConfigurationException>().Which.Problems.Should().ContainSingle().Which.Should().StartWith("$.routingRules[0].severity:");
    }
}
