using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Alerts;
using static MonitoringHost.Runtime.Tests.Modules.ModuleTestModel;

namespace MonitoringHost.Runtime.Tests.Modules.Alerts;

public sealed class GenerateAlertModuleTests
{
    private const string Rule = "Test.Runtime.Modules!Test.Runtime.ServiceStopped.Rule";
    private static readonly Guid TargetId = Guid.Parse("0c7d1e5a-9b3f-4e2d-a8c6-1f4b7e9d2a35");

    private static readonly string StoppedMessage = ElementGuid(ModulesPack, "Test.Runtime.ServiceStopped.AlertMessage");

    private static PropertyBagData Bag(params (string Name, string Value)[] values) =>
        new(Now.AddMinutes(-1), values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    /// <summary>A GenerateAlert configuration as the compiler hands it over: $MPElement and $Target replaced, $Data kept.</summary>
    private static string Configuration(string messageId, string parameters, string suppression, int priority = 2, int severity = 1) => $"""
        <WriteAction ID="Alert" TypeID="Health!System.Health.GenerateAlert">
          <Priority>{priority}</Priority>
          <Severity>{severity}</Severity>
          <AlertName />
          <AlertDescription />
          <AlertOwner />
          <AlertMessageId>{messageId}</AlertMessageId>
          <AlertParameters>{parameters}</AlertParameters>
          {suppression}
          <Custom1 />
        </WriteAction>
        """;

    private static async Task<IReadOnlyList<AlertRequest>> Run(string configuration, params DataItem[] items)
    {
        var alerts = new RecordingAlertSink();
        var setup = Setup(configuration, Rule, Target("Microsoft.Windows.Computer", "web01.contoso.com", TargetId), alerts);
        var module = ModuleCatalog.Default.Find("System.Health.GenerateAlert")!.Create(setup);
        var output = new RecordingOutput();
        foreach (var item in items)
        {
            await module.RunAsync(item, output, CancellationToken.None);
        }

        output.Items.Should().BeEmpty("GenerateAlert is a write action with no output type");
        return alerts.Alerts;
    }

    [Fact]
    public async Task RunAsync_MessageWithParameters_RaisesAlertWithTheEnglishTextFilled()
    {
        var alerts = await Run(
            Configuration(
                StoppedMessage,
                """
                <AlertParameter1>$Data/Property[@Name='Service']$</AlertParameter1>
                <AlertParameter2>web01.contoso.com</AlertParameter2>
                <AlertParameter3>$Data[Default='unknown']/Property[@Name='State']$</AlertParameter3>
                """,
                "<Suppression><SuppressionValue>$Data/Property[@Name='Service']$</SuppressionValue></Suppression>"),
            Bag(("Service", "Spooler"), ("State", "stopped")));

        alerts.Should().ContainSingle().Which.Should().BeEquivalentTo(new AlertRequest(
            Rule,
            TargetId,
            "Service Spooler stopped",
            "The service Spooler on web01.contoso.com is stopped. {3} and {x} stay as written.",
            Priority: 2,
            Severity: 1,
            ["Spooler"],
            Now)
        {
            HasSuppression = true,
            Parameters = ["Spooler", "web01.contoso.com", "stopped"],
            Context = """<DataItem type="System.PropertyBagData" time="2025-03-04T05:05:07.0000000Z"><Property Name="Service" VariantType="8">Spooler</Property><Property Name="State" VariantType="8">stopped</Property></DataItem>""",
        });
    }

    [Fact]
    public async Task RunAsync_ParameterSelectingNothing_UsesItsDefaultOrEmptyText()
    {
        var alerts = await Run(
            Configuration(
                StoppedMessage,
                """
                <AlertParameter1>$Data/Property[@Name='Service']$</AlertParameter1>
                <AlertParameter3>$Data[Default='unknown']/Property[@Name='State']$</AlertParameter3>
                """,
                "<Suppression />"),
            Bag(("Other", "x")));

        alerts.Should().ContainSingle();
        alerts[0].Name.Should().Be("Service  stopped");
        alerts[0].Description.Should().Be("The service  on {1} is unknown. {3} and {x} stay as written.");
    }

    [Fact]
    public async Task RunAsync_SuppressionValues_AreRenderedForEachItem()
    {
        var alerts = await Run(
            Configuration(
                StoppedMessage,
                "<AlertParameter1>$Data/Property[@Name='Service']$</AlertParameter1>",
                """
                <Suppression>
                  <SuppressionValue>$Data/Property[@Name='Service']$</SuppressionValue>
                  <SuppressionValue>web01.contoso.com</SuppressionValue>
                  <SuppressionValue>$Data[Default='none']/Property[@Name='Code']$</SuppressionValue>
                </Suppression>
                """,
                priority: 0,
                severity: 2),
            Bag(("Service", "Spooler"), ("Code", "1053")),
            Bag(("Service", "W3SVC")));

        alerts.Should().HaveCount(2);
        alerts[0].Suppression.Should().Equal("Spooler", "web01.contoso.com", "1053");
        alerts[1].Suppression.Should().Equal("W3SVC", "web01.contoso.com", "none");
        alerts.Select(a => a.Name).Should().Equal("Service Spooler stopped", "Service W3SVC stopped");
        alerts.Select(a => (a.Priority, a.Severity)).Should().AllBeEquivalentTo((0, 2));
    }

    [Fact]
    public async Task RunAsync_EmptySuppression_GivesNoSuppressionValues()
    {
        var alerts = await Run(Configuration(StoppedMessage, "", "<Suppression />"), Bag(("Service", "Spooler")));

        alerts.Should().ContainSingle().Which.Should().Match<AlertRequest>(a => a.Suppression.Count == 0 && a.HasSuppression);
    }

    [Fact]
    public async Task RunAsync_NoSuppressionElement_SaysSoApartFromAnEmptyOne()
    {
        var alerts = await Run(Configuration(StoppedMessage, "<AlertParameter2>x</AlertParameter2>", ""), Bag(("Service", "Spooler")));

        alerts.Should().ContainSingle();
        (alerts[0].HasSuppression, alerts[0].Suppression.Count).Should().Be((false, 0));
        alerts[0].Parameters.Should().Equal("", "x");
    }

    [Fact]
    public async Task RunAsync_StringResourceWithoutDisplayString_UsesItsIdAsName()
    {
        var alerts = await Run(
            Configuration(ElementGuid(ModulesPack, "Test.Runtime.Undescribed.AlertMessage"), "<AlertParameter1>x</AlertParameter1>", "<Suppression />"),
            Bag());

        alerts.Should().ContainSingle();
        (alerts[0].Name, alerts[0].Description).Should().Be(("Test.Runtime.Undescribed.AlertMessage", ""));
    }

    [Fact]
    public async Task RunAsync_DisplayStringOnlyInAnotherLanguage_UsesThatLanguage()
    {
        var alerts = await Run(
            Configuration(ElementGuid(ModulesPack, "Test.Runtime.GermanOnly.AlertMessage"), "<AlertParameter1>$Data/Property[@Name='Value']$</AlertParameter1>", "<Suppression />"),
            Bag(("Value", "42")));

        alerts.Should().ContainSingle();
        (alerts[0].Name, alerts[0].Description).Should().Be(("Nur deutsch", "Wert 42"));
    }

    [Fact]
    public async Task RunAsync_NoMessageId_UsesAlertNameAndDescriptionWithDataTokens()
    {
        const string configuration = """
            <WriteAction ID="Alert" TypeID="Health!System.Health.GenerateAlert">
              <Priority>1</Priority>
              <Severity>2</Severity>
              <AlertName>Disk $Data/Property[@Name='Drive']$ full</AlertName>
              <AlertDescription>Free: $Data/Property[@Name='Free']$ MB</AlertDescription>
            </WriteAction>
            """;

        var alerts = await Run(configuration, Bag(("Drive", "C:"), ("Free", "12")));

        alerts.Should().ContainSingle();
        (alerts[0].Name, alerts[0].Description, alerts[0].Priority, alerts[0].Severity).Should().Be(("Disk C: full", "Free: 12 MB", 1, 2));
    }

    [Fact]
    public void Create_MessageIdOfNoStringResource_ThrowsForAlertMessageId()
    {
        var unknown = Guid.Parse("5d1c2b3a-4e5f-4a6b-9c7d-8e9f0a1b2c3d").ToString("D");
        var setup = Setup(Configuration(unknown, "", "<Suppression />"), Rule, Target("Microsoft.Windows.Computer", "web01"));

        var create = () => new GenerateAlertModule.Factory().Create(setup);

        create.Should().Throw<ModuleConfigurationException>()
            .Which.Should().Match<ModuleConfigurationException>(e => e.Field == "AlertMessageId" && e.Problem.Contains(unknown) && e.WorkflowId == Rule);
    }

    [Fact]
    public void Create_MessageIdOfAClass_ThrowsForAlertMessageId()
    {
        var setup = Setup(Configuration(ClassGuid("Test.App"), "", "<Suppression />"), Rule, Target("Microsoft.Windows.Computer", "web01"));

        var create = () => new GenerateAlertModule.Factory().Create(setup);

        create.Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be("AlertMessageId");
    }

    [Fact]
    public void Create_MessageIdNotAGuid_ThrowsForAlertMessageId()
    {
        var setup = Setup(Configuration("Test.Runtime.ServiceStopped.AlertMessage", "", "<Suppression />"), Rule, Target("Microsoft.Windows.Computer", "web01"));

        var create = () => new GenerateAlertModule.Factory().Create(setup);

        create.Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be("AlertMessageId");
    }

    [Theory]
    [InlineData(3, 1, "Priority")]
    [InlineData(1, -1, "Severity")]
    public void Create_LevelOutOfRange_ThrowsForThatField(int priority, int severity, string field)
    {
        var setup = Setup(Configuration(StoppedMessage, "", "<Suppression />", priority, severity), Rule, Target("Microsoft.Windows.Computer", "web01"));

        var create = () => new GenerateAlertModule.Factory().Create(setup);

        create.Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Create_MalformedParameterToken_ThrowsForThatParameter()
    {
        var setup = Setup(
            Configuration(StoppedMessage, "<AlertParameter2>$Data/Property[last()]$</AlertParameter2>", "<Suppression />"),
            Rule,
            Target("Microsoft.Windows.Computer", "web01"));

        var create = () => new GenerateAlertModule.Factory().Create(setup);

        create.Should().Throw<ModuleConfigurationException>().Which.Field.Should().Be("AlertParameters/AlertParameter2");
    }

    [Fact]
    public void Create_ParametersOutOfOrder_KeepsEachAtItsNumber()
    {
        var setup = Setup(
            Configuration(StoppedMessage, "<AlertParameter3>c</AlertParameter3><AlertParameter1>a</AlertParameter1>", "<Suppression />"),
            Rule,
            Target("Microsoft.Windows.Computer", "web01"));

        var module = (GenerateAlertModule)new GenerateAlertModule.Factory().Create(setup);

        module.Settings.Parameters.Select(p => p?.Text).Should().Equal("a", null, "c");
        module.Settings.MessageId.Should().Be("Test.Runtime.ServiceStopped.AlertMessage");
    }
}
