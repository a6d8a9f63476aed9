using Microsoft.Extensions.Time.Testing;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Conditions;
using MonitoringHost.Runtime.Tests.Modules;
using static MonitoringHost.Runtime.Tests.Expressions.Items;

namespace MonitoringHost.Runtime.Tests.Expressions;

/// <summary>Expressions copied from public packs of the corpus (shared/corpus/mp), evaluated against the items they were written for.</summary>
public sealed class CorpusExpressionTests
{
    // full/OpsMgr.GenericServiceMonitoring.xml, rule NotFoundServices: EventLevel is read as String and compared with an Integer.
    private const string NotFoundServices = """
        <Expression>
          <And>
            <Expression>
              <SimpleExpression>
                <ValueExpression>
                  <XPathQuery Type="UnsignedInteger">EventDisplayNumber</XPathQuery>
                </ValueExpression>
                <Operator>Equal</Operator>
                <ValueExpression>
                  <Value Type="UnsignedInteger">5603</Value>
                </ValueExpression>
              </SimpleExpression>
            </Expression>
            <Expression>
              <SimpleExpression>
                <ValueExpression>
                  <XPathQuery Type="String">PublisherName</XPathQuery>
                </ValueExpression>
                <Operator>Equal</Operator>
                <ValueExpression>
                  <Value Type="String">Health Service Script</Value>
                </ValueExpression>
              </SimpleExpression>
            </Expression>
            <Expression>
              <SimpleExpression>
                <ValueExpression>
                  <XPathQuery Type="String">EventLevel</XPathQuery>
                </ValueExpression>
                <Operator>Equal</Operator>
                <ValueExpression>
                  <Value Type="Integer">2</Value>
                </ValueExpression>
              </SimpleExpression>
            </Expression>
            <Expression>
              <RegExExpression>
                <ValueExpression>
                  <XPathQuery Type="String">EventDescription</XPathQuery>
                </ValueExpression>
                <Operator>ContainsSubstring</Operator>
                <Pattern>following Services should be discoverd:</Pattern>
              </RegExExpression>
            </Expression>
          </And>
        </Expression>
        """;

    // fragment-library/Monitor.Service.WithAlert.FreqAndSamples.IgnoreDisabled.mpx, condition ServiceNotRunning ($Config/Samples$ = 3).
    private const string ServiceNotRunning = """
        <ConditionDetection ID="ServiceNotRunning" TypeID="System!System.ExpressionFilter">
          <Expression>
            <And>
              <Expression>
                <SimpleExpression>
                  <ValueExpression>
                    <XPathQuery Type="Integer">Property[@Name='StartMode']</XPathQuery>
                  </ValueExpression>
                  <Operator>NotEqual</Operator>
                  <ValueExpression>
                    <Value Type="Integer">4</Value> <!-- 0=BootStart 1=SystemStart 2=Automatic 3=Manual 4=Disabled -->
                  </ValueExpression>
                </SimpleExpression>
              </Expression>
              <Expression>
                <SimpleExpression>
                  <ValueExpression>
                    <XPathQuery Type="Integer">Property[@Name='State']</XPathQuery>
                  </ValueExpression>
                  <Operator>NotEqual</Operator>
                  <ValueExpression>
                    <Value Type="Integer">4</Value> <!-- 0=Unknown 1=Stopped 2=StartPending 3=StopPending 4=Running -->
                  </ValueExpression>
                </SimpleExpression>
              </Expression>
            </And>
          </Expression>
          <SuppressionSettings>
            <MatchCount>3</MatchCount>
          </SuppressionSettings>
        </ConditionDetection>
        """;

    [Fact]
    public void GenericServiceMonitoring_NotFoundServices_MatchesItsWarningEvent()
    {
        var expression = Compile(NotFoundServices);
        var warning = new EventData(Time)
        {
            EventDisplayNumber = 5603,
            PublisherName = "Health Service Script",
            EventLevel = 2,
            EventDescription = "GenericServiceDiscovery.vbs : The following Services should be discoverd: Spooler, W32Time",
        };

        expression.Evaluate(warning).Should().BeTrue();
        expression.Evaluate(new EventData(Time) { EventDisplayNumber = 5603, PublisherName = "health service script", EventLevel = 2, EventDescription = warning.EventDescription })
            .Should().BeTrue("string equality ignores case by default");
        expression.Evaluate(new EventData(Time) { EventDisplayNumber = 5603, PublisherName = "Health Service Script", EventLevel = 4, EventDescription = warning.EventDescription })
            .Should().BeFalse("an information event is level 4");
        expression.Evaluate(new EventData(Time) { EventDisplayNumber = 5603, PublisherName = "Health Service Script", EventLevel = 2, EventDescription = "all services found" })
            .Should().BeFalse();
    }

    [Theory]
    [InlineData("226 Transfer complete.", true)]
    [InlineData("550 Permission denied.", false)]
    public void FtpMonitoring_TransferComplete_SplitsResultsBetweenItsTwoFilters(string status, bool complete)
    {
        // full/F12.FTPMonitoring.xml, conditions FilterEqual226 and FilterNotEqual226.
        var equal = Pattern("StatusDescription", "ContainsSubstring", "226 Transfer complete.");
        var notEqual = Pattern("StatusDescription", "DoesNotContainSubstring", "226 Transfer complete.");
        var item = Bag(("StatusDescription", status));

        equal.Evaluate(item).Should().Be(complete);
        notEqual.Evaluate(item).Should().Be(!complete);
    }

    [Theory]
    [InlineData("O:BAG:SYD:(A;;0x3;;;NU)(A;;0x1;;;SY)", true)]
    [InlineData("O:BAG:SYD:(A;;0x1;;;SY)", false)]
    public void ScomManagement_CustomSd_FindsTheNetworkUserAce(string customSd, bool bad)
    {
        // full/SCOM.Management.xml, conditions CDGood and CDBad on registry values.
        const string Filter = """
            <Expression>
              <RegExExpression>
                <ValueExpression>
                  <XPathQuery Type="String">Values/CustomSD</XPathQuery>
                  <!-- Common options for XPathQuery Type are "Boolean" "String" "Integer" "Double" -->
                </ValueExpression>
                <Operator>{0}</Operator>
                <Pattern>A;;0x3;;;NU</Pattern>
              </RegExExpression>
            </Expression>
            """;
        var item = NodeItem.FromXml($"""<DataItem type="Microsoft.Windows.RegistryData"><Values><CustomSD>{customSd}</CustomSD></Values></DataItem>""");

        Compile(Filter.Replace("{0}", "ContainsSubstring", StringComparison.Ordinal)).Evaluate(item).Should().Be(bad);
        Compile(Filter.Replace("{0}", "DoesNotContainSubstring", StringComparison.Ordinal)).Evaluate(item).Should().Be(!bad);
    }

    [Fact]
    public void ServiceMonitor_ServiceNotRunning_PassesOnTheThirdStoppedSample()
    {
        var module = (ConditionModule)new ExpressionFilterFactory().Create(TestRuntime.Setup(ServiceNotRunning, new FakeTimeProvider()));
        PropertyBagData Service(string startMode, string state) => Bag(("StartMode", startMode), ("State", state));

        module.Evaluate(Service("2", "1")).Should().BeNull();
        module.Evaluate(Service("2", "1")).Should().BeNull();
        module.Evaluate(Service("2", "1")).Should().NotBeNull("three stopped samples in a row");
        module.Evaluate(Service("4", "1")).Should().BeNull("a disabled service is ignored");
        module.Evaluate(Service("2", "4")).Should().BeNull("a running service");
        module.Evaluate(Service("2", "not a number")).Should().BeNull("a state that does not cast does not match");
    }
}
