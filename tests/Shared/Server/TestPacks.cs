using System.Globalization;

namespace MonitoringHost.Tests.Shared;

/// <summary>Packs the pack API, client and mh tests import: built here so that each test says the version and names it needs.</summary>
internal static class TestPacks
{
    /// <summary>A pack's start: its manifest (ID, version, the System, Windows and Health libraries, and more references).</summary>
    private static string Start(string id, string version, string name = "", string moreReferences = "") =>
        $$"""
        <ManagementPack SchemaVersion="2.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
          <Manifest>
            <Identity><ID>{{id}}</ID><Version>{{version}}</Version></Identity>
            {{name}}
            <References>
              <Reference Alias="System"><ID>System.Library</ID><Version>7.5.8501.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
              <Reference Alias="Windows"><ID>Microsoft.Windows.Library</ID><Version>7.5.8501.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
              <Reference Alias="Health"><ID>System.Health.Library</ID><Version>7.0.8433.0</Version><PublicKeyToken>31bf3856ad364e35</PublicKeyToken></Reference>
              {{moreReferences}}
            </References>
          </Manifest>
        """;

    /// <summary>
    /// <c>Contoso.Imported</c>: a hosted class (<c>Contoso.Imported.Service</c>, key ServiceName) and a rule on every
    /// Windows computer that raises the alert <paramref name="alertName"/> every second.
    /// </summary>
    public static string Imported(string version = "1.0.0.0", string alertName = "Contoso imported tick") =>
        $$"""
        <?xml version="1.0" encoding="utf-8"?>
        {{Start("Contoso.Imported", version, "<Name>Contoso imported pack</Name>")}}
          <TypeDefinitions>
            <EntityTypes>
              <ClassTypes>
                <ClassType ID="Contoso.Imported.Service" Accessibility="Public" Abstract="false" Base="Windows!Microsoft.Windows.LocalApplication" Hosted="true" Singleton="false">
                  <Property ID="ServiceName" Type="string" Key="true" />
                  <Property ID="Port" Type="int" />
                </ClassType>
              </ClassTypes>
            </EntityTypes>
          </TypeDefinitions>
          <Monitoring>
            <Rules>
              <Rule ID="Contoso.Imported.Tick" Enabled="true" Target="Windows!Microsoft.Windows.Computer" ConfirmDelivery="false" Remotable="true" Priority="Normal" DiscardLevel="100">
                <Category>Alert</Category>
                <DataSources>
                  <DataSource ID="DS" TypeID="System!System.SimpleScheduler"><IntervalSeconds>1</IntervalSeconds><SyncTime /></DataSource>
                </DataSources>
                <WriteActions>
                  <WriteAction ID="Alert" TypeID="Health!System.Health.GenerateAlert">
                    <Priority>1</Priority>
                    <Severity>2</Severity>
                    <AlertName>{{alertName}}</AlertName>
                    <Suppression />
                  </WriteAction>
                </WriteActions>
              </Rule>
            </Rules>
          </Monitoring>
          <LanguagePacks>
            <LanguagePack ID="ENU" IsDefault="true">
              <DisplayStrings>
                <DisplayString ElementID="Contoso.Imported"><Name>Contoso Imported</Name></DisplayString>
                <DisplayString ElementID="Contoso.Imported.Service"><Name>Contoso Service</Name></DisplayString>
              </DisplayStrings>
            </LanguagePack>
          </LanguagePacks>
        </ManagementPack>
        """;

    /// <summary><c>Contoso.Dependent</c>: a class derived from <c>Contoso.Imported.Service</c>, so it references that pack.</summary>
    public static string Dependent(string importedVersion = "1.0.0.0") =>
        $$"""
        {{Start("Contoso.Dependent", "1.0.0.0", moreReferences: $"""<Reference Alias="Imported"><ID>Contoso.Imported</ID><Version>{importedVersion}</Version></Reference>""")}}
          <TypeDefinitions>
            <EntityTypes>
              <ClassTypes>
                <ClassType ID="Contoso.Dependent.WebService" Accessibility="Public" Abstract="false" Base="Imported!Contoso.Imported.Service" Hosted="true" Singleton="false">
                  <Property ID="Url" Type="string" />
                </ClassType>
              </ClassTypes>
            </EntityTypes>
          </TypeDefinitions>
        </ManagementPack>
        """;

    /// <summary>A pack that parses but does not validate: an unknown base class and an unknown property type.</summary>
    public static string Broken(string id = "Contoso.Broken") =>
        $$"""
        {{Start(id, "1.0.0.0")}}
          <TypeDefinitions>
            <EntityTypes>
              <ClassTypes>
                <ClassType ID="{{id}}.Thing" Accessibility="Public" Abstract="false" Base="System!System.NoSuchClass" Hosted="false" Singleton="false">
                  <Property ID="Name" Type="string" Key="true" />
                  <Property ID="Size" Type="bignumber" />
                </ClassType>
              </ClassTypes>
            </EntityTypes>
          </TypeDefinitions>
        </ManagementPack>
        """;

    public static string Version(int minor) => string.Create(CultureInfo.InvariantCulture, $"1.{minor}.0.0");
}
