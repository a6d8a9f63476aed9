using System.Net.Http;
using System.Text;
using System.Xml;
using MonitoringHost.Runtime.Modules.OData;
using MonitoringHost.Tests.Shared;
using MonitoringHost.Tests.Shared.Orchestrator;

namespace MonitoringHost.Runtime.Tests.Modules.OData;

/// <summary>The Atom reader against the Orchestrator protocol samples, and the web service double's answers against the same samples.</summary>
public sealed class ODataFeedReaderTests
{
    private static readonly Uri Root = new("http://127.0.0.1:81/Orchestrator2012/Orchestrator.svc/");

    [Fact]
    public void ASampleRunbookEntry_GivesTheSamplesValues()
    {
        var page = ReadSample("runbooks-feed.xml", "Runbooks");

        page.Count.Should().Be(3);
        page.Next.Should().BeNull();
        var first = page.Entries[0];
        first.EntityType.Should().Be("Runbook");
        first.Properties.Should().Equal(
            KeyValuePair.Create("Id", "3c1a9e52-7d4b-4f08-9a21-5e6f7b8c9d01"),
            KeyValuePair.Create("FolderId", "d2b7c4e1-0a3f-4c6d-8e9b-1f2a3b4c5d60"),
            KeyValuePair.Create("Name", "Restart Service"),
            KeyValuePair.Create("Description", "Restarts a Windows service on a target computer."),
            KeyValuePair.Create("CreatedBy", "S-1-5-500"),
            KeyValuePair.Create("CreationTime", "2023-03-02T10:14:22.370"),
            KeyValuePair.Create("LastModifiedBy", "S-1-5-21-1004336348-1177238915-682003330-1107"),
            KeyValuePair.Create("LastModifiedTime", "2024-04-18T16:40:05.000"),
            KeyValuePair.Create("IsMonitor", "false"),
            KeyValuePair.Create("Path", "\\Operations\\Services\\Restart Service"),
            KeyValuePair.Create("CheckedOutBy", ""),
            KeyValuePair.Create("CheckedOutTime", ""));
        page.Entries[2]["CheckedOutTime"].Should().Be("2024-05-14T07:55:12.440");
        ODataFeedProbe.Bag(page.Entries[1], "7", DateTimeOffset.UnixEpoch).Values.Should().Contain(new Dictionary<string, string>
        {
            ["Name"] = "Monitor Service Health",
            ["IsMonitor"] = "true",
            ["EntityType"] = "Runbook",
            ["ResponseTimeMilliseconds"] = "7",
        });
    }

    [Fact]
    public void ASampleJobsPage_HasItsCountAndAnAbsoluteNextLink()
    {
        var page = ReadSample("jobs-feed.xml", "Jobs?$inlinecount=allpages");

        page.Entries.Should().HaveCount(5);
        page.Count.Should().Be(57);
        page.Next.Should().Be(new Uri("http://127.0.0.1:81/Orchestrator2012/Orchestrator.svc/Jobs?$inlinecount=allpages&$skiptoken=guid'25364758-697a-4b9c-adbe-1a2b3c4d5e65'"));
        page.Entries[0]["Parameters"].Should().StartWith("<Data><Parameter><Name>ComputerName</Name>");
        page.Entries.Select(e => e["Status"]).Should().Equal("Pending", "Running", "Completed", "Completed", "Canceled");
        page.Entries[0]["ParentIsWaiting"].Should().Be("");
    }

    [Fact]
    public void ADocumentTypeDeclaration_IsRefused()
    {
        using var answer = new MemoryStream(Encoding.UTF8.GetBytes("<!DOCTYPE feed [<!ENTITY x \"y\">]><feed xmlns=\"http://www.w3.org/2005/Atom\">&x;</feed>"));

        FluentActions.Invoking(() => ODataFeedReader.Read(answer, Root)).Should().Throw<XmlException>();
    }

    [Theory]
    [InlineData("runbooks-feed.xml", "Runbooks")]
    [InlineData("jobs-feed.xml", "Jobs")]
    [InlineData("runbookinstances-feed.xml", "RunbookInstances")]
    [InlineData("runbookservers-feed.xml", "RunbookServers")]
    public async Task TheDoublesEntries_HaveTheSamplesPropertiesInTheSamplesOrder(string sample, string collection)
    {
        await using var service = await OrchestratorWebService.StartAsync();
        service.AddRunbookServer("SCO-RB01");
        var runbook = service.AddRunbook("Restart Service", "\\Operations\\Restart Service");
        service.CompleteJob(service.StartJob(runbook), "success");
        using var client = Client();

        using var answer = await client.GetAsync(new Uri(service.Url, collection + "?$inlinecount=allpages"));
        (answer.Content.Headers.ContentType!.MediaType, answer.Content.Headers.ContentType.CharSet).Should().Be(("application/atom+xml", "utf-8"));
        answer.Headers.GetValues("DataServiceVersion").Should().Equal("2.0;");
        var page = ODataFeedReader.Read(await answer.Content.ReadAsStreamAsync(), service.Url);

        var expected = ReadSample(sample, collection).Entries[0];
        page.Count.Should().Be(1);
        page.Entries.Should().ContainSingle().Which.EntityType.Should().Be(expected.EntityType);
        page.Entries[0].Properties.Select(p => p.Key).Should().Equal(expected.Properties.Select(p => p.Key));
    }

    [Fact]
    public async Task StartingARunbook_AnswersTheNewPendingJob_OrTheDocumentedErrors()
    {
        await using var service = await OrchestratorWebService.StartAsync();
        service.AddRunbookServer("SCO-RB01");
        var runbook = service.AddRunbook("Restart Service", "\\Operations\\Restart Service");
        var checkedOut = service.AddRunbook("Provision VM", "\\Fabric\\Provision VM");
        service.CheckOut(checkedOut);
        using var client = Client();

        using var created = await PostJobAsync(client, service, runbook, "SCO-RB01");
        created.StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
        var job = ODataFeedReader.Read(await created.Content.ReadAsStreamAsync(), service.Url).Entries.Single();
        (job.EntityType, job["RunbookId"], job["Status"], job["RunbookServers"]).Should().Be(("Job", runbook.ToString("D"), "Pending", "SCO-RB01"));
        created.Headers.Location.Should().Be(new Uri(service.Url, $"Jobs(guid'{job["Id"]}')"));
        var jobId = Guid.Parse(job["Id"]!);
        service.Job(jobId).Status.Should().Be("Pending");
        var instance = service.RunJob(jobId);
        (service.Job(jobId).Status, service.InstancesOf(jobId).Single().Status).Should().Be(("Running", "Running"));
        service.CompleteJob(jobId, "failed").Should().Be(instance);
        service.InstancesOf(jobId).Single().Status.Should().Be("failed");

        var unknown = Guid.NewGuid();
        (await ErrorAsync(client, service, unknown, null)).Should().Be($"RunbookId '{unknown:D}' specified does not exist.");
        (await ErrorAsync(client, service, checkedOut, null)).Should().Be("The runbook 'Provision VM ' cannot be started because it is checked out.");
        (await ErrorAsync(client, service, runbook, "SCO-RB09")).Should().Be("Specified runbook server name is either empty or does not exist.");
    }

    private static async Task<string?> ErrorAsync(HttpClient client, OrchestratorWebService service, Guid runbook, string? servers)
    {
        using var answer = await PostJobAsync(client, service, runbook, servers);
        answer.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        return ODataFeedReader.ErrorMessage(await answer.Content.ReadAsStreamAsync());
    }

    private static Task<HttpResponseMessage> PostJobAsync(HttpClient client, OrchestratorWebService service, Guid runbook, string? servers)
    {
        var body = $"""
            <?xml version="1.0" encoding="utf-8" standalone="yes"?>
            <entry xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns="http://www.w3.org/2005/Atom">
              <content type="application/xml"><m:properties><d:RunbookId m:type="Edm.Guid">{runbook:D}</d:RunbookId>{(servers is null ? "" : $"<d:RunbookServers>{servers}</d:RunbookServers>")}</m:properties></content>
            </entry>
            """;
        return client.PostAsync(new Uri(service.Url, "Jobs"), new StringContent(body, Encoding.UTF8, "application/atom+xml"));
    }

    private static HttpClient Client()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(
            "Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{OrchestratorWebService.DefaultUserName}:{OrchestratorWebService.DefaultPassword}")));
        return client;
    }

    private static ODataFeedPage ReadSample(string file, string path)
    {
        using var stream = File.OpenRead(Path.Combine(RepositoryPaths.Root, "tests", "MonitoringHost.Runtime.Tests", "Modules", "OData", "Samples", file));
        return ODataFeedReader.Read(stream, new Uri(Root, path));
    }
}
