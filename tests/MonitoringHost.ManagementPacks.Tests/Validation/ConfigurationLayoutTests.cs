namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>Layout that means nothing in XML must not make a configuration invalid.</summary>
public sealed class ConfigurationLayoutTests
{
    [Fact]
    public void ModuleWithoutConfiguration_WrittenOverTwoLines_IsValid()
    {
        var xml = TestPacks.With(("""
                      <DataSource ID="Heartbeat" TypeID="System!System.SimpleScheduler">
                        <IntervalSeconds>300</IntervalSeconds>
                      </DataSource>
            """, """
                      <DataSource ID="Heartbeat" TypeID="System!System.SimpleScheduler">
                        <IntervalSeconds>300</IntervalSeconds>
                      </DataSource>
                      <DataSource ID="Trigger" TypeID="Test.Pack.Trigger">
                      </DataSource>
            """), ("</ModuleTypes>", """
                <DataSourceModuleType ID="Test.Pack.Trigger" Accessibility="Public">
                  <ModuleImplementation Isolation="Any">
                    <Native><ClassID>{0E2C5D8A-7B1F-4C3E-9A6D-5F4B3C2A1E0D}</ClassID></Native>
                  </ModuleImplementation>
                  <OutputType>System!System.TriggerData</OutputType>
                </DataSourceModuleType>
              </ModuleTypes>
            """));

        var outcome = PackCheck.Check(xml);

        outcome.Errors.Should().BeEmpty(outcome.Listing);
    }
}
