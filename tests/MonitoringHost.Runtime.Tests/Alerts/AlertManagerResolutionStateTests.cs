using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Tests.Alerts;

public sealed class AlertManagerResolutionStateTests
{
    private readonly AlertHarness _harness = new();

    [Fact]
    public void ResolutionStates_AreTheFixedAndBuiltInOnes()
    {
        _harness.Manager.ResolutionStates.Select(s => (s.Code, s.Name)).Should().Equal(
            (0, "New"), (247, "Awaiting Evidence"), (248, "Assigned to Engineering"), (249, "Acknowledged"), (250, "Scheduled"), (254, "Resolved"), (255, "Closed"));
    }

    [Fact]
    public void AddResolutionState_CustomCode_CanBeUsedAndIsInTheBatch()
    {
        var batch = new OperationsBatch();

        var state = _harness.Manager.AddResolutionState(5, " Waiting for vendor ", batch);

        state.Should().Be(new ResolutionState(5, "Waiting for vendor"));
        batch.ResolutionStates.Should().Equal(state);
        _harness.Manager.ResolutionStates.Select(s => s.Code).Should().Equal(0, 5, 247, 248, 249, 250, 254, 255);
        var alert = _harness.Raise(hasSuppression: false)!;
        _harness.Update(alert.Id, new AlertPatch { ResolutionState = 5 }).ResolutionState.Should().Be(5);
    }

    [Theory]
    [InlineData(249, "Mine", "resolution state 249 'Mine' cannot be added: 249 'Acknowledged' already uses that code")]
    [InlineData(7, "resolved", "resolution state 7 'resolved' cannot be added: 254 'Resolved' already uses that name")]
    public void AddResolutionState_CodeOrNameInUse_Conflicts(int code, string name, string message)
    {
        var batch = new OperationsBatch();

        var add = () => _harness.Manager.AddResolutionState(code, name, batch);

        add.Should().Throw<ResolutionStateConflictException>().WithMessage(message);
        batch.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(300)]
    public void AddResolutionState_CodeOutsideOneTo254_IsRefused(int code)
    {
        var add = () => _harness.Manager.AddResolutionState(code, "x", new OperationsBatch());

        add.Should().Throw<InvalidAlertChangeException>().Which.Problems.Should().Equal($"resolution state code {code} is outside 1–254 (0 New and 255 Closed are fixed)");
    }
}
