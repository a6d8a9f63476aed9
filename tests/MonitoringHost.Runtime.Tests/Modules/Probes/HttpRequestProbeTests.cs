using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Modules.Agentless;
using MonitoringHost.Runtime.Modules.Probes;

namespace MonitoringHost.Runtime.Tests.Modules.Probes;

public sealed class HttpRequestProbeTests
{
    [Fact]
    public async Task RunAsync_ServerAnswers_EmitsStatusTimeAndMatchThroughDataPaths()
    {
        using var server = StartServer(out var url);
        var answering = AnswerOnceAsync(server, 200, "status: healthy");
        var probe = ProbeSetup.Create(HttpRequestProbeFactory.Id, Use($"<Url>{url}health</Url><ContentMatch>healthy</ContentMatch>"));

        var item = await ProbeSetup.RunOnceAsync(probe);
        (await answering).Should().Be("GET /health");

        item.Should().BeOfType<HttpResponseData>();
        item.Value("@type").Should().Be("MonitoringHost.Agentless.HttpResponseData");
        item.Value("Result").Should().Be("Responded");
        item.Value("StatusCode").Should().Be("200");
        item.Value("Method").Should().Be("GET");
        item.Value("Url").Should().Be($"{url}health");
        item.Value("FinalUrl").Should().Be($"{url}health");
        item.Value("ContentMatch").Should().Be("true");
        item.Value("ContentLength").Should().Be("15");
        item.Value("RedirectCount").Should().Be("0");
        double.Parse(item.Value("ResponseTime")!, CultureInfo.InvariantCulture).Should().BeGreaterThan(0).And.BeLessThan(5000);
        item.Exists(DataPath.Parse("CertificateValid")).Should().BeFalse("plain HTTP has no certificate");
        item.Exists(DataPath.Parse("ErrorMessage")).Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_NothingListening_EmitsConnectionFailure()
    {
        using var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        var probe = ProbeSetup.Create(HttpRequestProbeFactory.Id, Use($"<Url>http://127.0.0.1:{port}/</Url>"));

        var item = await ProbeSetup.RunOnceAsync(probe);

        item.Value("Result").Should().Be("ConnectionFailed");
        item.Value("StatusCode").Should().Be("0");
        item.Value("ErrorMessage").Should().StartWith($"http://127.0.0.1:{port}/");
    }

    [Fact]
    public async Task RunAsync_TheUrlsHostIsAnAddedComputer_ConnectsToItsAddress_KeepingTheName()
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var port = ((IPEndPoint)server.LocalEndpoint).Port;
        var named = $"http://web01.contoso.test:{port}/health";
        var computers = new Agentless.MemoryComputerStore();
        await computers.SaveComputerAsync(new ManagedComputer("WEB01.contoso.test", AgentlessProtocols.WsMan, "127.0.0.1", 5985, "Microsoft.Windows.Computer", ProbeSetup.Target.Id), null, default);
        var registry = new ManagedComputerRegistry(computers);
        await registry.ReloadAsync(default);
        using var agentless = new AgentlessServices(TimeProvider.System, registry);
        var probe = ProbeSetup.Create(HttpRequestProbeFactory.Id, Use($"<Url>{named}</Url>"), agentless: agentless);

        var answering = AnswerOnceWithHostAsync(server);
        var item = await ProbeSetup.RunOnceAsync(probe);

        (await answering).Should().Be($"GET /health HTTP/1.1, Host: web01.contoso.test:{port}", "the Host header keeps the name");
        (item.Value("Result"), item.Value("StatusCode"), item.Value("Url")).Should().Be(("Responded", "200", named));
    }

    [Fact]
    public void Create_FullConfiguration_ReadsEveryField()
    {
        var probe = (HttpRequestProbe)ProbeSetup.Create(HttpRequestProbeFactory.Id, Use(
            "<Url>https://web01.contoso.test/login</Url><Method>head</Method><ContentMatch></ContentMatch>"
            + "<ContentMatchRegex>Sign\\s+in</ContentMatchRegex><FollowRedirects>false</FollowRedirects><TimeoutSeconds>12</TimeoutSeconds>"));

        var request = probe.Configuration.Request;
        request.Url.Should().Be(new Uri("https://web01.contoso.test/login"));
        request.Method.Should().Be(HttpMethod.Head);
        request.ContentSubstring.Should().BeNull();
        request.ContentPattern!.ToString().Should().Be("Sign\\s+in");
        request.ContentPattern.MatchTimeout.Should().Be(HttpRequestProbeConfiguration.PatternTimeout);
        request.FollowRedirects.Should().BeFalse();
        request.Timeout.Should().Be(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void Create_EmptyOptionalElements_MeanTheDefaults()
    {
        // What the composite data source passes for optional values it was not given.
        var probe = (HttpRequestProbe)ProbeSetup.Create(HttpRequestProbeFactory.Id, Use(
            "<Url>http://127.0.0.1/</Url><Method /><ContentMatch /><ContentMatchRegex /><FollowRedirects /><TimeoutSeconds />"));

        var request = probe.Configuration.Request;
        request.Method.Should().Be(HttpMethod.Get);
        request.ContentSubstring.Should().BeNull();
        request.ContentPattern.Should().BeNull();
        request.FollowRedirects.Should().BeTrue();
        request.Timeout.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("<Url>ftp://files.contoso.test/</Url>", "Url", "'ftp://files.contoso.test/' is not an absolute http or https URL")]
    [InlineData("<Url>/relative</Url>", "Url", "'/relative' is not an absolute http or https URL")]
    [InlineData("<Url>http://a/</Url><Method>GET /x</Method>", "Method", "'GET /x' is not an HTTP method")]
    [InlineData("<Url>http://a/</Url><ContentMatch>ok</ContentMatch><ContentMatchRegex>o+k</ContentMatchRegex>", "ContentMatchRegex", "is given together with ContentMatch; give one of them")]
    [InlineData("<Url>http://a/</Url><TimeoutSeconds>0</TimeoutSeconds>", "TimeoutSeconds", "0 is not between 1 and 3600")]
    [InlineData("<Url>http://a/</Url><FollowRedirects>sometimes</FollowRedirects>", "FollowRedirects", "'sometimes' is not true or false")]
    public void Create_BadConfiguration_NamesTheField(string body, string field, string problem)
    {
        var create = () => ProbeSetup.Create(HttpRequestProbeFactory.Id, Use(body));

        var thrown = create.Should().Throw<ModuleConfigurationException>().Which;
        thrown.Field.Should().Be(field);
        thrown.Problem.Should().Be(problem);
    }

    [Fact]
    public void Create_InvalidPattern_SaysWhy()
    {
        var create = () => ProbeSetup.Create(HttpRequestProbeFactory.Id, Use("<Url>http://a/</Url><ContentMatchRegex>(unclosed</ContentMatchRegex>"));

        create.Should().Throw<ModuleConfigurationException>().Which.Problem.Should().StartWith("'(unclosed' is not a regular expression: ");
    }

    private static string Use(string body) => $"""<ProbeAction ID="Probe" TypeID="Agentless!MonitoringHost.Agentless.HttpRequestProbe">{body}</ProbeAction>""";

    private static HttpListener StartServer(out string url)
    {
        using var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        url = $"http://127.0.0.1:{((IPEndPoint)free.LocalEndpoint).Port}/";
        free.Stop();
        var server = new HttpListener();
        server.Prefixes.Add(url);
        server.Start();
        return server;
    }

    /// <summary>
    /// Answers one request on <paramref name="server"/> with 200 "ok", whatever host it names (an HttpListener answers
    /// only the hosts of its prefixes); returns its request line and Host header.
    /// </summary>
    private static async Task<string> AnswerOnceWithHostAsync(TcpListener server)
    {
        using var client = await server.AcceptTcpClientAsync();
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, false, 4096, leaveOpen: true);
        var requestLine = await reader.ReadLineAsync();
        var host = "";
        while (await reader.ReadLineAsync() is { Length: > 0 } header)
        {
            if (header.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))
            {
                host = header;
            }
        }

        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray());
        return $"{requestLine}, {host}";
    }

    private static async Task<string> AnswerOnceAsync(HttpListener server, int status, string body)
    {
        var context = await server.GetContextAsync();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
        return $"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath}";
    }
}
