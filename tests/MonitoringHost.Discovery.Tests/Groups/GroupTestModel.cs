using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Identity;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.Discovery.Tests.Groups;

/// <summary>
/// A pack on top of the shipped libraries: applications hosted by Windows computers, databases hosted by
/// applications, and groups populated by <c>SC!Microsoft.SystemCenter.GroupPopulator</c>: by property (regex,
/// numbers, null tests), by include and exclude lists, a computer group by Contains through hosting, a group by
/// Contained (through hosting and through another group's membership), and one through a composite data source.
/// </summary>
internal static class GroupTestModel
{
    public const string PackId = "Test.Groups";
    public const string ProductionApps = "Test.Groups.ProductionApps";
    public const string SqlComputers = "Test.Groups.SqlComputers";
    public const string Listed = "Test.Groups.Listed";
    public const string ProdDomainDatabases = "Test.Groups.ProdDomainDatabases";
    public const string AppsOnSqlComputers = "Test.Groups.AppsOnSqlComputers";
    public const string StagingApps = "Test.Groups.StagingApps";
    public const string InstanceGroupContainsEntities = "Microsoft.SystemCenter.InstanceGroupContainsEntities";
    public const string ComputerGroupContainsComputer = "Microsoft.SystemCenter.ComputerGroupContainsComputer";

    private const string Template = """
        <ManagementPack SchemaVersion="2.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <Manifest>
            <Identity><ID>Test.Groups</ID><Version>1.0.0.0</Version></Identity>
            <References>
              <Reference Alias="System"><ID>System.Library</ID><Version>7.5.8501.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
              <Reference Alias="Windows"><ID>Microsoft.Windows.Library</ID><Version>7.5.8501.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
              <Reference Alias="MSIL"><ID>Microsoft.SystemCenter.InstanceGroup.Library</ID><Version>7.5.8501.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
              <Reference Alias="SC"><ID>Microsoft.SystemCenter.Library</ID><Version>7.0.8433.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
            </References>
          </Manifest>
          <TypeDefinitions>
            <EntityTypes>
              <ClassTypes>
                <ClassType ID="Test.Groups.App" Accessibility="Public" Abstract="false" Base="Windows!Microsoft.Windows.LocalApplication" Hosted="true" Singleton="false">
                  <Property ID="InstanceName" Type="string" Key="true" />
                  <Property ID="Tier" Type="string" />
                  <Property ID="Version" Type="string" />
                  <Property ID="Port" Type="int" />
                </ClassType>
                <ClassType ID="Test.Groups.Database" Accessibility="Public" Abstract="false" Base="System!System.ApplicationComponent" Hosted="true" Singleton="false">
                  <Property ID="DatabaseName" Type="string" Key="true" />
                </ClassType>
                <ClassType ID="Test.Groups.ProductionApps" Accessibility="Public" Abstract="false" Base="MSIL!Microsoft.SystemCenter.InstanceGroup" Hosted="false" Singleton="true" />
                <ClassType ID="Test.Groups.Listed" Accessibility="Public" Abstract="false" Base="MSIL!Microsoft.SystemCenter.InstanceGroup" Hosted="false" Singleton="true" />
                <ClassType ID="Test.Groups.ProdDomainDatabases" Accessibility="Public" Abstract="false" Base="MSIL!Microsoft.SystemCenter.InstanceGroup" Hosted="false" Singleton="true" />
                <ClassType ID="Test.Groups.AppsOnSqlComputers" Accessibility="Public" Abstract="false" Base="MSIL!Microsoft.SystemCenter.InstanceGroup" Hosted="false" Singleton="true" />
                <ClassType ID="Test.Groups.StagingApps" Accessibility="Public" Abstract="false" Base="MSIL!Microsoft.SystemCenter.InstanceGroup" Hosted="false" Singleton="true" />
                <ClassType ID="Test.Groups.SqlComputers" Accessibility="Public" Abstract="false" Base="SC!Microsoft.SystemCenter.ComputerGroup" Hosted="false" Singleton="true" />
              </ClassTypes>
              <RelationshipTypes>
                <RelationshipType ID="Test.Groups.AppHostsDatabase" Accessibility="Public" Abstract="false" Base="System!System.Hosting">
                  <Source ID="App" Type="Test.Groups.App" />
                  <Target ID="Database" Type="Test.Groups.Database" />
                </RelationshipType>
              </RelationshipTypes>
            </EntityTypes>
            <ModuleTypes>
              <DataSourceModuleType ID="Test.Groups.AppsByTier" Accessibility="Internal">
                <Configuration>
                  <xsd:element name="GroupInstanceId" type="xsd:string" />
                  <xsd:element name="Tier" type="xsd:string" />
                </Configuration>
                <ModuleImplementation>
                  <Composite>
                    <MemberModules>
                      <DataSource ID="Populator" TypeID="SC!Microsoft.SystemCenter.GroupPopulator">
                        <RuleId>$MPElement$</RuleId>
                        <GroupInstanceId>$Config/GroupInstanceId$</GroupInstanceId>
                        <MembershipRules>
                          <MembershipRule>
                            <MonitoringClass>$MPElement[Name="Test.Groups.App"]$</MonitoringClass>
                            <RelationshipClass>$MPElement[Name="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities"]$</RelationshipClass>
                            <Expression>
                              <RegExExpression>
                                <ValueExpression><Property>$MPElement[Name="Test.Groups.App"]/Tier$</Property></ValueExpression>
                                <Operator>ContainsSubstring</Operator>
                                <Pattern>$Config/Tier$</Pattern>
                              </RegExExpression>
                            </Expression>
                          </MembershipRule>
                        </MembershipRules>
                      </DataSource>
                    </MemberModules>
                    <Composition><Node ID="Populator" /></Composition>
                  </Composite>
                </ModuleImplementation>
                <OutputType>System!System.Discovery.Data</OutputType>
              </DataSourceModuleType>
            </ModuleTypes>
          </TypeDefinitions>
          <Monitoring>
            <Discoveries>
              <Discovery ID="Test.Groups.ProductionApps.Discovery" Enabled="true" Target="Test.Groups.ProductionApps" ConfirmDelivery="false" Remotable="true" Priority="Normal">
                <Category>Discovery</Category>
                <DiscoveryTypes><DiscoveryRelationship TypeID="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities" /></DiscoveryTypes>
                <DataSource ID="GroupPopulationDataSource" TypeID="SC!Microsoft.SystemCenter.GroupPopulator">
                  <RuleId>$MPElement$</RuleId>
                  <GroupInstanceId>$MPElement[Name="Test.Groups.ProductionApps"]$</GroupInstanceId>
                  <MembershipRules>
                    <MembershipRule>
                      <MonitoringClass>$MPElement[Name="Test.Groups.App"]$</MonitoringClass>
                      <RelationshipClass>$MPElement[Name="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities"]$</RelationshipClass>
                      <Expression>
                        <And>
                          <Expression>
                            <RegExExpression>
                              <ValueExpression><Property>$MPElement[Name="Test.Groups.App"]/Tier$</Property></ValueExpression>
                              <Operator>MatchesRegularExpression</Operator>
                              <Pattern>^Prod(uction)?$</Pattern>
                            </RegExExpression>
                          </Expression>
                          <Expression>
                            <UnaryExpression>
                              <ValueExpression><Property>$MPElement[Name="Test.Groups.App"]/Version$</Property></ValueExpression>
                              <Operator>IsNotNull</Operator>
                            </UnaryExpression>
                          </Expression>
                        </And>
                      </Expression>
                    </MembershipRule>
                  </MembershipRules>
                </DataSource>
              </Discovery>
              <Discovery ID="Test.Groups.SqlComputers.Discovery" Enabled="true" Target="Test.Groups.SqlComputers" ConfirmDelivery="false" Remotable="true" Priority="Normal">
                <Category>Discovery</Category>
                <DiscoveryTypes><DiscoveryRelationship TypeID="SC!Microsoft.SystemCenter.ComputerGroupContainsComputer" /></DiscoveryTypes>
                <DataSource ID="GroupPopulationDataSource" TypeID="SC!Microsoft.SystemCenter.GroupPopulator">
                  <RuleId>$MPElement$</RuleId>
                  <GroupInstanceId>$MPElement[Name="Test.Groups.SqlComputers"]$</GroupInstanceId>
                  <MembershipRules>
                    <MembershipRule>
                      <MonitoringClass>$MPElement[Name="Windows!Microsoft.Windows.Computer"]$</MonitoringClass>
                      <RelationshipClass>$MPElement[Name="SC!Microsoft.SystemCenter.ComputerGroupContainsComputer"]$</RelationshipClass>
                      <Expression>
                        <Contains>
                          <MonitoringClass>$MPElement[Name="Test.Groups.Database"]$</MonitoringClass>
                          <Expression>
                            <RegExExpression>
                              <ValueExpression><Property>$MPElement[Name="Test.Groups.Database"]/DatabaseName$</Property></ValueExpression>
                              <Operator>MatchesWildcard</Operator>
                              <Pattern>SQL#*</Pattern>
                            </RegExExpression>
                          </Expression>
                        </Contains>
                      </Expression>
                    </MembershipRule>
                  </MembershipRules>
                </DataSource>
              </Discovery>
              <Discovery ID="Test.Groups.Listed.Discovery" Enabled="true" Target="Test.Groups.Listed" ConfirmDelivery="false" Remotable="true" Priority="Normal">
                <Category>Discovery</Category>
                <DiscoveryTypes><DiscoveryRelationship TypeID="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities" /></DiscoveryTypes>
                <DataSource ID="GroupPopulationDataSource" TypeID="SC!Microsoft.SystemCenter.GroupPopulator">
                  <RuleId>$MPElement$</RuleId>
                  <GroupInstanceId>$MPElement[Name="Test.Groups.Listed"]$</GroupInstanceId>
                  <MembershipRules>
                    <MembershipRule>
                      <MonitoringClass>$MPElement[Name="Test.Groups.App"]$</MonitoringClass>
                      <RelationshipClass>$MPElement[Name="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities"]$</RelationshipClass>
                      <Expression>
                        <SimpleExpression>
                          <ValueExpression><Property>$MPElement[Name="Test.Groups.App"]/Port$</Property></ValueExpression>
                          <Operator>GreaterEqual</Operator>
                          <ValueExpression><Value>8000</Value></ValueExpression>
                        </SimpleExpression>
                      </Expression>
                      <ExcludeList><MonitoringObjectId>{EXCLUDED}</MonitoringObjectId></ExcludeList>
                    </MembershipRule>
                    <MembershipRule>
                      <MonitoringClass>$MPElement[Name="Windows!Microsoft.Windows.Computer"]$</MonitoringClass>
                      <RelationshipClass>$MPElement[Name="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities"]$</RelationshipClass>
                      <Expression>
                        <SimpleExpression>
                          <ValueExpression><Value>1</Value></ValueExpression>
                          <Operator>Equal</Operator>
                          <ValueExpression><Value>0</Value></ValueExpression>
                        </SimpleExpression>
                      </Expression>
                      <IncludeList><MonitoringObjectId>{INCLUDED}</MonitoringObjectId></IncludeList>
                    </MembershipRule>
                  </MembershipRules>
                </DataSource>
              </Discovery>
              <Discovery ID="Test.Groups.ProdDomainDatabases.Discovery" Enabled="true" Target="Test.Groups.ProdDomainDatabases" ConfirmDelivery="false" Remotable="true" Priority="Normal">
                <Category>Discovery</Category>
                <DiscoveryTypes><DiscoveryRelationship TypeID="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities" /></DiscoveryTypes>
                <DataSource ID="GroupPopulationDataSource" TypeID="SC!Microsoft.SystemCenter.GroupPopulator">
                  <RuleId>$MPElement$</RuleId>
                  <GroupInstanceId>$MPElement[Name="Test.Groups.ProdDomainDatabases"]$</GroupInstanceId>
                  <MembershipRules>
                    <MembershipRule>
                      <MonitoringClass>$MPElement[Name="Test.Groups.Database"]$</MonitoringClass>
                      <RelationshipClass>$MPElement[Name="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities"]$</RelationshipClass>
                      <Expression>
                        <Contained>
                          <MonitoringClass>$MPElement[Name="Windows!Microsoft.Windows.Computer"]$</MonitoringClass>
                          <Expression>
                            <SimpleExpression>
                              <ValueExpression><Property>$MPElement[Name="Windows!Microsoft.Windows.Computer"]/PrincipalName$</Property></ValueExpression>
                              <Operator>Like</Operator>
                              <ValueExpression><Value>%.prod.contoso.com</Value></ValueExpression>
                            </SimpleExpression>
                          </Expression>
                        </Contained>
                      </Expression>
                    </MembershipRule>
                  </MembershipRules>
                </DataSource>
              </Discovery>
              <Discovery ID="Test.Groups.AppsOnSqlComputers.Discovery" Enabled="true" Target="Test.Groups.AppsOnSqlComputers" ConfirmDelivery="false" Remotable="true" Priority="Normal">
                <Category>Discovery</Category>
                <DiscoveryTypes><DiscoveryRelationship TypeID="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities" /></DiscoveryTypes>
                <DataSource ID="GroupPopulationDataSource" TypeID="SC!Microsoft.SystemCenter.GroupPopulator">
                  <RuleId>$MPElement$</RuleId>
                  <GroupInstanceId>$MPElement[Name="Test.Groups.AppsOnSqlComputers"]$</GroupInstanceId>
                  <MembershipRules>
                    <MembershipRule>
                      <MonitoringClass>$MPElement[Name="Test.Groups.App"]$</MonitoringClass>
                      <RelationshipClass>$MPElement[Name="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities"]$</RelationshipClass>
                      <Expression>
                        <Contained>
                          <MonitoringClass>$MPElement[Name="Test.Groups.SqlComputers"]$</MonitoringClass>
                        </Contained>
                      </Expression>
                    </MembershipRule>
                  </MembershipRules>
                </DataSource>
              </Discovery>
              <Discovery ID="Test.Groups.StagingApps.Discovery" Enabled="true" Target="Test.Groups.StagingApps" ConfirmDelivery="false" Remotable="true" Priority="Normal">
                <Category>Discovery</Category>
                <DiscoveryTypes><DiscoveryRelationship TypeID="MSIL!Microsoft.SystemCenter.InstanceGroupContainsEntities" /></DiscoveryTypes>
                <DataSource ID="ByTier" TypeID="Test.Groups.AppsByTier">
                  <GroupInstanceId>$MPElement[Name="Test.Groups.StagingApps"]$</GroupInstanceId>
                  <Tier>stag</Tier>
                </DataSource>
              </Discovery>
            </Discoveries>
          </Monitoring>
        </ManagementPack>
        """;

    private static readonly Lazy<(ClassCatalog Classes, string Xml)> Built = new(Build);

    public static ClassCatalog Classes => Built.Value.Classes;

    public static string PackXml => Built.Value.Xml;

    /// <summary>The application the Listed group's first rule excludes: web01's "Legacy".</summary>
    public static Guid ExcludedApp => Built.Value.Classes is not null ? _excludedApp : Guid.Empty;

    /// <summary>The computer the Listed group's second rule includes by id: db01.</summary>
    public static Guid IncludedComputer => Built.Value.Classes is not null ? _includedComputer : Guid.Empty;

    private static Guid _excludedApp;
    private static Guid _includedComputer;

    /// <summary>Reads a pack set made of the shipped libraries and <paramref name="xml"/> into a class catalog.</summary>
    public static (ClassCatalog Classes, IReadOnlyList<string> Errors) Load(string xml, string name = "Test.Groups.xml")
    {
        var libraries = ShippedLibraries.Read(RepositoryPaths.Libraries);
        var read = ManagementPackReader.Read(System.Text.Encoding.UTF8.GetBytes(xml), name);
        read.Pack.Should().NotBeNull(string.Join("; ", read.Problems));
        var result = PackSetLoader.Validate([.. libraries.Packs, read.Pack!], read.Problems, 1);
        return (new ClassCatalog(result.Packs), [.. result.Problems.Where(p => p.IsError).Select(p => p.ToString())]);
    }

    private static (ClassCatalog, string) Build()
    {
        // Object ids depend on class ids and keys only, so a first read (with placeholder lists) gives the ids the lists need.
        var (first, _) = Load(Template.Replace("{EXCLUDED}", Guid.Empty.ToString("D"), StringComparison.Ordinal).Replace("{INCLUDED}", Guid.Empty.ToString("D"), StringComparison.Ordinal));
        _includedComputer = ObjectIdentity.ForObject(first.Class("Microsoft.Windows.Computer")!, new Dictionary<string, string> { ["PrincipalName"] = "db01.contoso.com" }, null);
        _excludedApp = ObjectIdentity.ForObject(first.Class("Test.Groups.App")!, new Dictionary<string, string> { ["InstanceName"] = "Legacy" }, ObjectIdentity.ForObject(first.Class("Microsoft.Windows.Computer")!, new Dictionary<string, string> { ["PrincipalName"] = "web01.contoso.com" }, null));
        var xml = Template.Replace("{EXCLUDED}", _excludedApp.ToString("D"), StringComparison.Ordinal).Replace("{INCLUDED}", _includedComputer.ToString("D"), StringComparison.Ordinal);
        var (classes, errors) = Load(xml);
        errors.Should().BeEmpty("the group test pack must be valid");
        return (classes, xml);
    }

    public static ObjectData Computer(string name) => new("Microsoft.Windows.Computer", new Dictionary<string, string?> { ["PrincipalName"] = name });

    public static ObjectData App(string computer, string instance, string? tier = null, string? version = null, int? port = null)
    {
        var properties = new Dictionary<string, string?> { ["InstanceName"] = instance };
        if (tier is not null)
        {
            properties["Tier"] = tier;
        }

        if (version is not null)
        {
            properties["Version"] = version;
        }

        if (port is { } p)
        {
            properties["Port"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new("Test.Groups.App", properties, Computer(computer));
    }

    public static ObjectData Database(string computer, string app, string name) =>
        new("Test.Groups.Database", new Dictionary<string, string?> { ["DatabaseName"] = name }, App(computer, app));
}
