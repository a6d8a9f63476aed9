namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>
/// The small packs the problem-code tests break. <see cref="Base"/> is a complete, clean pack (a hosted application
/// class, a composite discovery data source, a unit monitor type, a discovery, a rule, a unit monitor, overrides,
/// string resources and a language pack); each test changes one fragment of it with <see cref="With"/>.
/// </summary>
internal static class TestPacks
{
    public const string Id = "Test.Pack";

    /// <summary>Microsoft's key token, which the shipped libraries carry.</summary>
    public const string MicrosoftKeyToken = "31bf3856ad364e35";

    public const string ClassId = "Test.Pack.Application";
    public const string ProviderId = "Test.Pack.Application.DiscoveryProvider";
    public const string MonitorTypeId = "Test.Pack.TwoStateMonitorType";
    public const string DiscoveryId = "Test.Pack.Application.Discovery";
    public const string RuleId = "Test.Pack.Application.HeartbeatRule";
    public const string MonitorId = "Test.Pack.Application.Health";

    public static string Base { get; } = """
        <?xml version="1.0" encoding="utf-8"?>
        <ManagementPack ContentReadable="true" SchemaVersion="2.0" OriginalSchemaVersion="1.1" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <Manifest>
            <Identity>
              <ID>Test.Pack</ID>
              <Version>1.0.0.0</Version>
            </Identity>
            <Name>Test Pack</Name>
            <References>
              <Reference Alias="System">
                <ID>System.Library</ID>
                <Version>7.5.8501.0</Version>
                <PublicKeyToken>31bf3856ad364e35</PublicKeyToken>
              </Reference>
              <Reference Alias="Health">
                <ID>System.Health.Library</ID>
                <Version>7.5.8501.0</Version>
                <PublicKeyToken>31bf3856ad364e35</PublicKeyToken>
              </Reference>
              <Reference Alias="Windows">
                <ID>Microsoft.Windows.Library</ID>
                <Version>7.5.8501.0</Version>
                <PublicKeyToken>31bf3856ad364e35</PublicKeyToken>
              </Reference>
            </References>
          </Manifest>
          <TypeDefinitions>
            <EntityTypes>
              <ClassTypes>
                <ClassType ID="Test.Pack.Application" Accessibility="Public" Abstract="false" Base="Windows!Microsoft.Windows.LocalApplication" Hosted="true" Singleton="false" Extension="false">
                  <Property ID="Version" Type="string" Key="false" CaseSensitive="false" MaxLength="256" />
                  <Property ID="InstallPath" Type="string" Key="false" CaseSensitive="false" MaxLength="1024" />
                </ClassType>
              </ClassTypes>
            </EntityTypes>
            <ModuleTypes>
              <DataSourceModuleType ID="Test.Pack.Application.DiscoveryProvider" Accessibility="Public" Batching="false">
                <Configuration>
                  <xsd:element name="Frequency" type="xsd:unsignedInt" />
                </Configuration>
                <OverrideableParameters>
                  <OverrideableParameter ID="Frequency" Selector="$Config/Frequency$" ParameterType="int" />
                </OverrideableParameters>
                <ModuleImplementation Isolation="Any">
                  <Composite>
                    <MemberModules>
                      <DataSource ID="Scheduler" TypeID="System!System.SimpleScheduler">
                        <IntervalSeconds>$Config/Frequency$</IntervalSeconds>
                      </DataSource>
                      <ConditionDetection ID="Mapper" TypeID="System!System.Discovery.ClassSnapshotDataMapper">
                        <ClassId>$MPElement[Name="Test.Pack.Application"]$</ClassId>
                        <InstanceSettings>
                          <Settings>
                            <Setting>
                              <Name>$MPElement[Name="Windows!Microsoft.Windows.Computer"]/PrincipalName$</Name>
                              <Value>$Target/Property[Type="Windows!Microsoft.Windows.Computer"]/PrincipalName$</Value>
                            </Setting>
                            <Setting>
                              <Name>$MPElement[Name="Test.Pack.Application"]/Version$</Name>
                              <Value>1.0</Value>
                            </Setting>
                          </Settings>
                        </InstanceSettings>
                      </ConditionDetection>
                    </MemberModules>
                    <Composition>
                      <Node ID="Mapper">
                        <Node ID="Scheduler" />
                      </Node>
                    </Composition>
                  </Composite>
                </ModuleImplementation>
                <OutputType>System!System.Discovery.Data</OutputType>
              </DataSourceModuleType>
            </ModuleTypes>
            <MonitorTypes>
              <UnitMonitorType ID="Test.Pack.TwoStateMonitorType" Accessibility="Public">
                <MonitorTypeStates>
                  <MonitorTypeState ID="Healthy" NoDetection="false" />
                  <MonitorTypeState ID="Unhealthy" NoDetection="false" />
                </MonitorTypeStates>
                <Configuration>
                  <xsd:element name="IntervalSeconds" type="xsd:unsignedInt" />
                </Configuration>
                <OverrideableParameters>
                  <OverrideableParameter ID="IntervalSeconds" Selector="$Config/IntervalSeconds$" ParameterType="int" />
                </OverrideableParameters>
                <MonitorImplementation>
                  <MemberModules>
                    <DataSource ID="Timer" TypeID="System!System.SimpleScheduler">
                      <IntervalSeconds>$Config/IntervalSeconds$</IntervalSeconds>
                    </DataSource>
                    <ConditionDetection ID="HealthyFilter" TypeID="System!System.ExpressionFilter">
                      <Expression />
                    </ConditionDetection>
                    <ConditionDetection ID="UnhealthyFilter" TypeID="System!System.ExpressionFilter">
                      <Expression />
                    </ConditionDetection>
                  </MemberModules>
                  <RegularDetections>
                    <RegularDetection MonitorTypeStateID="Healthy">
                      <Node ID="HealthyFilter">
                        <Node ID="Timer" />
                      </Node>
                    </RegularDetection>
                    <RegularDetection MonitorTypeStateID="Unhealthy">
                      <Node ID="UnhealthyFilter">
                        <Node ID="Timer" />
                      </Node>
                    </RegularDetection>
                  </RegularDetections>
                </MonitorImplementation>
              </UnitMonitorType>
            </MonitorTypes>
          </TypeDefinitions>
          <Monitoring>
            <Discoveries>
              <Discovery ID="Test.Pack.Application.Discovery" Accessibility="Public" Enabled="true" Target="Windows!Microsoft.Windows.Server.Computer" ConfirmDelivery="false" Remotable="true" Priority="Normal">
                <Category>Discovery</Category>
                <DiscoveryTypes>
                  <DiscoveryClass TypeID="Test.Pack.Application">
                    <Property TypeID="Test.Pack.Application" PropertyID="Version" />
                  </DiscoveryClass>
                </DiscoveryTypes>
                <DataSource ID="DS" TypeID="Test.Pack.Application.DiscoveryProvider">
                  <Frequency>3600</Frequency>
                </DataSource>
              </Discovery>
            </Discoveries>
            <Rules>
              <Rule ID="Test.Pack.Application.HeartbeatRule" Accessibility="Public" Enabled="true" Target="Test.Pack.Application" ConfirmDelivery="false" Remotable="true" Priority="Normal" DiscardLevel="100">
                <Category>Alert</Category>
                <DataSources>
                  <DataSource ID="Heartbeat" TypeID="System!System.SimpleScheduler">
                    <IntervalSeconds>300</IntervalSeconds>
                  </DataSource>
                </DataSources>
                <WriteActions>
                  <WriteAction ID="Alert" TypeID="Health!System.Health.GenerateAlert">
                    <Priority>1</Priority>
                    <Severity>1</Severity>
                    <AlertMessageId>$MPElement[Name="Test.Pack.Application.HeartbeatRule.AlertMessage"]$</AlertMessageId>
                  </WriteAction>
                </WriteActions>
              </Rule>
            </Rules>
            <Monitors>
              <UnitMonitor ID="Test.Pack.Application.Health" Accessibility="Public" Enabled="true" Target="Test.Pack.Application" ParentMonitorID="Health!System.Health.AvailabilityState" Remotable="true" Priority="Normal" TypeID="Test.Pack.TwoStateMonitorType" ConfirmDelivery="false">
                <Category>AvailabilityHealth</Category>
                <AlertSettings AlertMessage="Test.Pack.Application.Health.AlertMessage">
                  <AlertOnState>Error</AlertOnState>
                  <AutoResolve>true</AutoResolve>
                  <AlertPriority>Normal</AlertPriority>
                  <AlertSeverity>Error</AlertSeverity>
                  <AlertParameters>
                    <AlertParameter1>$Target/Property[Type="Test.Pack.Application"]/Version$</AlertParameter1>
                  </AlertParameters>
                </AlertSettings>
                <OperationalStates>
                  <OperationalState ID="Running" MonitorTypeStateID="Healthy" HealthState="Success" />
                  <OperationalState ID="Failing" MonitorTypeStateID="Unhealthy" HealthState="Error" />
                </OperationalStates>
                <Configuration>
                  <IntervalSeconds>120</IntervalSeconds>
                </Configuration>
              </UnitMonitor>
            </Monitors>
            <Overrides>
              <RuleConfigurationOverride ID="Test.Pack.Override.HeartbeatInterval" Context="Test.Pack.Application" Enforced="false" Rule="Test.Pack.Application.HeartbeatRule" Module="Heartbeat" Parameter="IntervalSeconds">
                <Value>600</Value>
              </RuleConfigurationOverride>
              <MonitorPropertyOverride ID="Test.Pack.Override.HealthAlertPriority" Context="Test.Pack.Application" Enforced="false" Monitor="Test.Pack.Application.Health" Property="AlertPriority">
                <Value>High</Value>
              </MonitorPropertyOverride>
              <MonitorConfigurationOverride ID="Test.Pack.Override.HealthInterval" Context="Test.Pack.Application" Enforced="false" Monitor="Test.Pack.Application.Health" Parameter="IntervalSeconds">
                <Value>900</Value>
              </MonitorConfigurationOverride>
              <DiscoveryConfigurationOverride ID="Test.Pack.Override.DiscoveryFrequency" Context="Windows!Microsoft.Windows.Server.Computer" Enforced="false" Discovery="Test.Pack.Application.Discovery" Module="DS" Parameter="Frequency">
                <Value>7200</Value>
              </DiscoveryConfigurationOverride>
            </Overrides>
          </Monitoring>
          <Presentation>
            <StringResources>
              <StringResource ID="Test.Pack.Application.HeartbeatRule.AlertMessage" />
              <StringResource ID="Test.Pack.Application.Health.AlertMessage" />
            </StringResources>
          </Presentation>
          <LanguagePacks>
            <LanguagePack ID="ENU" IsDefault="true">
              <DisplayStrings>
                <DisplayString ElementID="Test.Pack">
                  <Name>Test Pack</Name>
                </DisplayString>
                <DisplayString ElementID="Test.Pack.Application">
                  <Name>Test Application</Name>
                </DisplayString>
                <DisplayString ElementID="Test.Pack.Application" SubElementID="Version">
                  <Name>Version</Name>
                </DisplayString>
                <DisplayString ElementID="Test.Pack.Application.Discovery">
                  <Name>Test Application Discovery</Name>
                </DisplayString>
                <DisplayString ElementID="Test.Pack.Application.HeartbeatRule">
                  <Name>Test Application Heartbeat</Name>
                </DisplayString>
                <DisplayString ElementID="Test.Pack.Application.Health">
                  <Name>Test Application Health</Name>
                </DisplayString>
                <DisplayString ElementID="Test.Pack.Application.HeartbeatRule.AlertMessage">
                  <Name>Test Application heartbeat</Name>
                  <Description>The test application is alive.</Description>
                </DisplayString>
                <DisplayString ElementID="Test.Pack.Application.Health.AlertMessage">
                  <Name>Test Application is unhealthy</Name>
                  <Description>Version {0} is unhealthy.</Description>
                </DisplayString>
              </DisplayStrings>
              <KnowledgeArticles>
                <KnowledgeArticle ElementID="Test.Pack.Application.Health" Visible="true">
                  <MamlContent>
                    <maml:section xmlns:maml="http://schemas.microsoft.com/maml/2004/10">
                      <maml:para>Restart the application.</maml:para>
                    </maml:section>
                  </MamlContent>
                </KnowledgeArticle>
              </KnowledgeArticles>
            </LanguagePack>
          </LanguagePacks>
        </ManagementPack>
        """;

    /// <summary>
    /// The base pack with each <c>Find</c> replaced by its <c>Replace</c>; every <c>Find</c> must occur exactly once,
    /// so that a test cannot silently leave the pack unbroken.
    /// </summary>
    public static string With(params (string Find, string Replace)[] edits) => Edit(Base, edits);

    public static string Edit(string xml, params (string Find, string Replace)[] edits)
    {
        foreach (var (find, replace) in edits)
        {
            var first = xml.IndexOf(find, StringComparison.Ordinal);
            if (first < 0 || xml.IndexOf(find, first + 1, StringComparison.Ordinal) >= 0)
            {
                throw new ArgumentException($"'{find}' must occur exactly once in the pack", nameof(edits));
            }

            xml = string.Concat(xml.AsSpan(0, first), replace, xml.AsSpan(first + find.Length));
        }

        return xml;
    }

    /// <summary>
    /// A pack with a manifest and, optionally, type definitions: for the checks between packs (cycles, versions, keys).
    /// Each reference is <c>(alias, id, version, token)</c>; a null token writes no <c>PublicKeyToken</c>.
    /// </summary>
    public static string Small(string id, string typeDefinitions = "", params (string Alias, string Id, string Version, string? Token)[] references)
    {
        var lines = new List<string>
        {
            """<?xml version="1.0" encoding="utf-8"?>""",
            """<ManagementPack ContentReadable="true" SchemaVersion="2.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema">""",
            "  <Manifest>",
            "    <Identity>",
            $"      <ID>{id}</ID>",
            "      <Version>1.0.0.0</Version>",
            "    </Identity>",
            $"    <Name>{id}</Name>",
            "    <References>",
        };
        foreach (var (alias, referenceId, version, token) in references)
        {
            lines.Add($"""      <Reference Alias="{alias}">""");
            lines.Add($"        <ID>{referenceId}</ID>");
            lines.Add($"        <Version>{version}</Version>");
            if (token is not null)
            {
                lines.Add($"        <PublicKeyToken>{token}</PublicKeyToken>");
            }

            lines.Add("      </Reference>");
        }

        lines.AddRange(["    </References>", "  </Manifest>", "  <TypeDefinitions>", typeDefinitions, "  </TypeDefinitions>", "</ManagementPack>"]);
        return string.Join('\n', lines);
    }
}
