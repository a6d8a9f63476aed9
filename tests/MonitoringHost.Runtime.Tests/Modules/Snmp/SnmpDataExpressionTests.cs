using System.Net;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Conditions;

namespace MonitoringHost.Runtime.Tests.Modules.Snmp;

/// <summary>The expression filter reading SNMP answers as monitors do.</summary>
public sealed class SnmpDataExpressionTests
{
    [Theory]
    [InlineData("Greater", "0", true)]
    [InlineData("LessEqual", "0", false)]
    public void ExpressionFilter_ReadsABindingsValue(string op, string threshold, bool passes)
    {
        var item = SnmpData.Answer(DateTimeOffset.UnixEpoch, new IPEndPoint(IPAddress.Loopback, 161), [new SnmpVariable("1.3.6.1.2.1.1.7.0", SnmpValue.Integer(72))]);
        var filter = (ConditionModule)new ExpressionFilterFactory().Create(TestRuntime.Setup(
            $"""<ConditionDetection ID="F" TypeID="System!System.ExpressionFilter"><Expression><SimpleExpression><ValueExpression><XPathQuery Type="Integer">SnmpVarBinds/SnmpVarBind[1]/Value</XPathQuery></ValueExpression><Operator>{op}</Operator><ValueExpression><Value Type="Integer">{threshold}</Value></ValueExpression></SimpleExpression></Expression></ConditionDetection>""",
            TimeProvider.System));

        (filter.Evaluate(item) is not null).Should().Be(passes);
    }
}
