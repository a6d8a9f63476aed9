using System.Text.Json;
using MonitoringHost.Sdk;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Cli.Tests.Commands;

/// <summary><c>mh alert list|create|set|resolve</c> against a real server on loopback.</summary>
public sealed class AlertCommandTests : IAsyncLifetime
{
    private LoopbackServer _api = null!;
    private Guid _computer;
    private MonitoringHostClient _client = null!;
    private string _operator = "";
    private MonitoringAlert _backup = null!;
    private MonitoringAlert _disk = null!;

    public async Task InitializeAsync()
    {
        _api = await LoopbackServer.StartAsync();
        _operator = await _api.KeyAsync("ann", ApiRole.Operator);
        _client = _api.ClientFor(_operator);
        _computer = await _api.DiscoverComputerAsync("db01.contoso.com");
        _backup = await _client.CreateAlertAsync(new NewAlert("Backup failed", "Error", _computer));
        _disk = await _client.CreateAlertAsync(new NewAlert("Disk almost full", "Warning", _computer));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    private (int ExitCode, string Output, string Error) Run(params string[] args) => Mh.Run([.. args, "--server", _api.Url, "--key", _operator]);

    [Fact]
    public void List_IsATable_WithSeverityByName()
    {
        var (exitCode, output, _) = Run("alert", "list");

        exitCode.Should().Be(0);
        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().MatchRegex("^SEVERITY +STATE +NAME +OBJECT +OWNER +LAST MODIFIED +ID$");
        lines.Should().Contain(l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains(" New ", StringComparison.Ordinal) && l.Contains("Backup failed", StringComparison.Ordinal) && l.EndsWith(_backup.Id.ToString(), StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("Disk almost full  db01.contoso.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Set_ChangesOwnerAndTicket_ResolveClosesSeveral_ListOpenThenShowsNone()
    {
        var (set, setOutput, _) = Run("alert", "set", _backup.Id.ToString(), "--owner", "bob", "--ticket-id", "INC0042", "--comment", "taking it");
        set.Should().Be(0);
        setOutput.Should().Contain("bob").And.Contain("INC0042");
        var changed = await _client.GetAlertAsync(_backup.Id);
        (changed.Owner, changed.TicketId, changed.LastModifiedBy).Should().Be(("bob", "INC0042", "ann"));
        (await _client.GetAlertHistoryAsync(_backup.Id)).Single().Comment.Should().Be("taking it");

        var (resolve, _, _) = Run("alert", "resolve", _backup.Id.ToString(), _disk.Id.ToString(), "--comment", "fixed", "--json");
        resolve.Should().Be(0);
        (await _client.GetAlertAsync(_disk.Id)).ResolutionState.Should().Be(255);

        var (listed, open, _) = Run("alert", "list", "--open", "--json");
        listed.Should().Be(0);
        using var json = JsonDocument.Parse(open);
        json.RootElement.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Resolve_WithOneUnknownId_Exits4_AndChangesNone()
    {
        var (exitCode, _, error) = Run("alert", "resolve", _backup.Id.ToString(), Guid.Empty.ToString());

        exitCode.Should().Be(4);
        error.Should().Be($"error: 404 Not Found: there is no alert {Guid.Empty}" + Environment.NewLine);
        (await _client.GetAlertAsync(_backup.Id)).ResolutionState.Should().Be(0);
    }

    [Fact]
    public async Task Resolve_WithAReadOnlyKey_Exits1_PrintingTheProblem()
    {
        var reader = await _api.KeyAsync("viewer", ApiRole.ReadOnlyOperator);

        var (exitCode, _, error) = Mh.Run("alert", "resolve", _backup.Id.ToString(), "--server", _api.Url, "--key", reader);

        exitCode.Should().Be(1);
        error.Should().StartWith("error: 403 Forbidden: this needs one of the roles").And.Contain("the key 'viewer' has the role ReadOnlyOperator");
        (await _client.GetAlertAsync(_backup.Id)).ResolutionState.Should().Be(0);
    }

    [Fact]
    public void Set_WithNothingToChange_IsAUsageError()
    {
        var (exitCode, _, error) = Run("alert", "set", _backup.Id.ToString(), "--comment", "only a comment");

        exitCode.Should().Be(2);
        error.Should().Be("error: nothing to change: give --resolution-state, --owner or --ticket-id" + Environment.NewLine);
    }

    [Fact]
    public async Task Create_RaisesTheAlert_AndPrintsItsId()
    {
        var (exitCode, output, _) = Run("alert", "create", _computer.ToString(), "--name", "Runbook 'Patch' failed", "--severity", "Error",
            "--priority", "High", "--description", "step 3 failed", "--owner", "bob", "--ticket-id", "INC7", "--category", "Runbook");

        exitCode.Should().Be(0);
        var created = await _client.GetAlertAsync(Guid.Parse(output.Trim()));
        (created.Name, created.SeverityName, created.PriorityName, created.Description, created.Owner, created.TicketId, created.Category, created.MonitoringObjectId)
            .Should().Be(("Runbook 'Patch' failed", "Error", "High", "step 3 failed", "bob", "INC7", "Runbook", _computer));
    }

    [Fact]
    public async Task Create_WithABadSeverity_Exits1_AndCreatesNothing()
    {
        var (exitCode, _, error) = Run("alert", "create", _computer.ToString(), "--name", "x", "--severity", "Fatal");

        exitCode.Should().Be(1);
        error.Should().StartWith("error: 400 ").And.Contain("severity");
        (await _client.ListAlertsAsync()).Items.Should().HaveCount(2);
    }
}
