using System.Text.Json;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk.Tests;

public sealed class MonitoringHostJsonTests
{
    [Fact]
    public void Times_AreWrittenAsUtcWithZ_AndEnumsAsTheirScomNumbers()
    {
        var change = new StateChange("System.Health.AvailabilityState", HealthState.Success, HealthState.Error, "Success", "Error",
            new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(2)), null);

        var json = JsonSerializer.Serialize(change, MonitoringHostJson.Options);

        json.Should().Be("""{"monitorId":"System.Health.AvailabilityState","oldState":1,"newState":3,"oldStateName":"Success","newStateName":"Error","time":"2026-11-30T10:00:00Z","context":null}""");
        JsonSerializer.Deserialize<StateChange>(json, MonitoringHostJson.Options).Should().Be(change);
    }

    [Fact]
    public void Options_RefuseUnknownFields_NamingThem_TolerantSkipsThem()
    {
        const string Json = """{ "until": "2026-11-30T10:00:00Z", "comment": "x", "color": "red" }""";

        var strict = () => JsonSerializer.Deserialize<MaintenanceUpdate>(Json, MonitoringHostJson.Options);

        strict.Should().Throw<JsonException>().Where(e => e.Message.Contains("color", StringComparison.Ordinal));
        JsonSerializer.Deserialize<MaintenanceUpdate>(Json, MonitoringHostJson.Tolerant).Should().Be(
            new MaintenanceUpdate(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), "x"));
    }

    [Fact]
    public void Options_RefuseAMissingRequiredField()
    {
        var missing = () => JsonSerializer.Deserialize<NewAlert>("""{ "name": "x" }""", MonitoringHostJson.Options);

        missing.Should().Throw<JsonException>().Where(e => e.Message.Contains("severity", StringComparison.Ordinal));
    }

    [Fact]
    public void ListObjects_LeaveRelationshipsOut_OneObjectHasThem()
    {
        var item = new MonitoringObject(Guid.Empty, null, "C", "D", "P", "C:P", new Dictionary<string, string>(), null, HealthState.Uninitialized, "Uninitialized", false, true, DateTimeOffset.UnixEpoch);

        JsonSerializer.Serialize(item, MonitoringHostJson.Options).Should().NotContain("relationships");
        JsonSerializer.Serialize(item with { Relationships = [] }, MonitoringHostJson.Options).Should().EndWith(""","relationships":[]}""");
    }
}
