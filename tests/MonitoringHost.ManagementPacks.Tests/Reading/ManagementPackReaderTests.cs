using System.Text;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.ManagementPacks.Tests.Reading;

public sealed class ManagementPackReaderTests
{
    private static readonly string SamplePath = Path.Combine(RepositoryPaths.Root, "tests", "MonitoringHost.ManagementPacks.Tests", "Reading", "Samples", "Contoso.Sample.xml");

    private static ManagementPack ReadSample()
    {
        var result = ManagementPackReader.ReadFile(SamplePath);
        result.HasErrors.Should().BeFalse();
        return result.Pack!;
    }

    [Fact]
    public void ReadFile_Manifest_KeepsIdentityAndReferences()
    {
        var pack = ReadSample();

        pack.Id.Should().Be("Contoso.Sample");
        pack.Version.Should().Be(new Version(1, 2, 3, 4));
        pack.Manifest.Name.Should().Be("Contoso Sample");
        pack.Manifest.References.Select(r => (r.Alias, r.Id, r.Version.ToString(), r.PublicKeyToken)).Should().Equal(
            ("System", "System.Library", "7.5.8501.0", "31bf3856ad364e35"),
            ("Health", "System.Health.Library", "7.0.8433.0", "31bf3856ad364e35"),
            ("Windows", "Microsoft.Windows.Library", "7.5.8501.0", "31bf3856ad364e35"),
            ("SC", "Microsoft.SystemCenter.Library", "7.0.8433.0", "31bf3856ad364e35"),
            ("MSIL", "Microsoft.SystemCenter.InstanceGroup.Library", "7.5.8501.0", "31bf3856ad364e35"));
    }

    [Fact]
    public void ReadFile_ClassTypes_KeepEveryAttributeAndProperty()
    {
        var server = ReadSample().ElementsById["Contoso.Sample.Server"].Should().BeOfType<ClassType>().Subject;

        server.Base.Should().Be("Windows!Microsoft.Windows.LocalApplication");
        (server.Abstract, server.Hosted, server.Singleton, server.Extension).Should().Be((false, true, false, false));
        server.Properties.Select(p => (p.Id, p.Type, p.Key, p.MaxLength)).Should().Equal(
            ("InstanceName", "string", true, 256), ("Version", "string", false, 64), ("Port", "int", false, (int?)null));
        server.Properties[1].OtherAttributes.Should().Contain("Comment", "from the registry");
        server.Location.Should().Be(new SourceLocation(SamplePath, 40, 10));
    }

    [Fact]
    public void ReadFile_RelationshipTypes_AcceptBothEndpointSyntaxes()
    {
        var pack = ReadSample();
        var hosting = (RelationshipType)pack.ElementsById["Contoso.Sample.ServerHostsDatabase"];
        var reference = (RelationshipType)pack.ElementsById["Contoso.Sample.ServerReferencesServer"];

        (hosting.Source.Id, hosting.Source.Type, hosting.Target.Type, hosting.Target.MaxCardinality)
            .Should().Be(("Server", "Contoso.Sample.Server", "Contoso.Sample.Database", 20));
        (reference.Source.Id, reference.Source.Type, reference.Target.Type).Should().Be(((string?)null, "Contoso.Sample.Server", "Contoso.Sample.Server"));
        reference.Accessibility.Should().Be(Accessibility.Internal);
    }

    [Fact]
    public void ReadFile_ModuleTypes_KeepConfigurationImplementationAndDataTypes()
    {
        var pack = ReadSample();
        var dataSource = (ModuleType)pack.ElementsById["Contoso.Sample.Status.DS"];
        var probe = (ModuleType)pack.ElementsById["Contoso.Sample.Status.Probe"];
        var condition = (ModuleType)pack.ElementsById["Contoso.Sample.Pass.CD"];
        var writeAction = (ModuleType)pack.ElementsById["Contoso.Sample.Log.WA"];

        dataSource.Role.Should().Be(ModuleRole.DataSource);
        dataSource.RunAs.Should().Be("Contoso.Sample.Account");
        dataSource.Configuration.IncludedSchemaTypes.Should().Equal("Contoso.Sample.TargetsSchema");
        dataSource.Configuration.ElementNames.Should().Equal("IntervalSeconds", "Targets");
        dataSource.OverrideableParameters.Should().ContainSingle().Which.Should().Match<OverrideableParameter>(p =>
            p.Id == "IntervalSeconds" && p.Selector == "$Config/IntervalSeconds$" && p.ParameterType == "int");
        var composite = dataSource.Implementation.Should().BeOfType<CompositeImplementation>().Subject;
        composite.Members.Select(m => (m.Id, m.Role, m.TypeId)).Should().Equal(
            ("Scheduler", ModuleRole.DataSource, "System!System.Scheduler"), ("Probe", ModuleRole.ProbeAction, "Contoso.Sample.Status.Probe"));
        composite.Composition.Should().ContainSingle().Which.Should().Match<CompositionNode>(n => n.Id == "Probe" && n.Children.Single().Id == "Scheduler");
        dataSource.OutputType.Should().Be("Contoso.Sample.StatusData");

        probe.Implementation.Should().BeOfType<ManagedImplementation>().Which.Should().Match<ManagedImplementation>(m =>
            m.Assembly == "Contoso.Sample.Runtime" && m.Type == "Contoso.Sample.StatusProbe" && m.Isolation == "OwnProcess");
        probe.TriggerOnly.Should().BeTrue();
        condition.Implementation.Should().BeOfType<NativeImplementation>().Which.ClassId.Should().Be("{6F2D2C4A-0B6B-4D5E-9B8C-1C2D3E4F5A6B}");
        (condition.Stateful, condition.PassThrough).Should().Be((true, true));
        condition.InputTypes.Should().Equal("System!System.PropertyBagData");
        writeAction.InputTypes.Should().Equal("System!System.BaseData");
        writeAction.OutputType.Should().BeNull();
    }

    [Fact]
    public void ReadFile_UnitMonitorType_KeepsStatesAndDetections()
    {
        var type = (UnitMonitorType)ReadSample().ElementsById["Contoso.Sample.Status.MonitorType"];

        type.States.Select(s => s.Id).Should().Equal("Up", "Down");
        type.Members.Select(m => m.Id).Should().Equal("DS", "Probe", "UpFilter", "DownFilter");
        type.RegularDetections.Select(d => (d.MonitorTypeStateId, d.Root.Id, d.Root.Children.Single().Id)).Should().Equal(("Up", "UpFilter", "DS"), ("Down", "DownFilter", "DS"));
        type.OnDemandDetections.Should().ContainSingle().Which.Root.Children.Single().Id.Should().Be("Probe");
    }

    [Fact]
    public void ReadFile_Workflows_KeepSettingsModulesAndAlerting()
    {
        var pack = ReadSample();
        var rule = (Rule)pack.ElementsById["Contoso.Sample.Status.Rule"];
        var monitor = (UnitMonitor)pack.ElementsById["Contoso.Sample.Status.Monitor"];
        var dependency = (DependencyMonitor)pack.ElementsById["Contoso.Sample.DatabaseRollup"];
        var recovery = (Recovery)pack.ElementsById["Contoso.Sample.Status.Recovery"];
        var task = (MonitoringTask)pack.ElementsById["Contoso.Sample.Log.Task"];

        rule.Settings.Should().Be(new WorkflowSettings("Contoso.Sample.Server", "onStandardMonitoring", false, "High", true, "Alert", null));
        rule.Settings.IsEnabled.Should().BeTrue();
        rule.Modules.Select(m => m.Id).Should().Equal("DS", "Pass", "Log");
        monitor.ParentMonitorId.Should().Be("Health!System.Health.AvailabilityState");
        monitor.AlertSettings.Should().NotBeNull();
        monitor.AlertSettings!.AlertMessage.Should().Be("Contoso.Sample.Status.Monitor.AlertMessage");
        (monitor.AlertSettings.AlertOnState, monitor.AlertSettings.AutoResolve, monitor.AlertSettings.AlertPriority, monitor.AlertSettings.AlertSeverity)
            .Should().Be(("Error", true, "High", "MatchMonitorHealth"));
        monitor.AlertSettings.AlertParameters.Should().Equal("$Target/Property[Type=\"Contoso.Sample.Server\"]/InstanceName$", "$Data/Context/Property[@Name='Status']$");
        monitor.OperationalStates.Select(s => (s.Id, s.HealthState)).Should().Equal(("Up", HealthState.Success), ("Down", HealthState.Error));
        monitor.Configuration.Element("IntervalSeconds")!.Value.Should().Be("120");
        (dependency.Algorithm, dependency.AlgorithmParameter, dependency.MemberInMaintenance, dependency.MemberUnAvailable).Should().Be(("Percentage", 60d, "Success", "Error"));
        ((AggregateMonitor)pack.ElementsById["Contoso.Sample.Rollup"]).Algorithm.Should().Be("BestOf");
        (recovery.Monitor, recovery.ResetMonitor, recovery.ExecuteOnState).Should().Be(("Contoso.Sample.Status.Monitor", true, "Error"));
        (task.TimeoutSeconds, task.Module.Role).Should().Be((120, ModuleRole.WriteAction));
        ((Diagnostic)pack.ElementsById["Contoso.Sample.Status.Diagnostic"]).ProbeAction.TypeId.Should().Be("Contoso.Sample.Status.Probe");
    }

    [Fact]
    public void ReadFile_Overrides_AllKindsAreRead()
    {
        var overrides = ReadSample().ElementsOf<Override>().ToList();

        overrides.Select(o => o.OverrideKind).Should().Equal(
            OverrideKind.RuleConfigurationOverride, OverrideKind.RulePropertyOverride, OverrideKind.MonitorConfigurationOverride,
            OverrideKind.MonitorPropertyOverride, OverrideKind.DiscoveryPropertyOverride, OverrideKind.DiagnosticPropertyOverride,
            OverrideKind.RecoveryPropertyOverride, OverrideKind.SecureReferenceOverride);
        overrides[0].Should().Match<Override>(o => o.Element == "Contoso.Sample.Status.Rule" && o.Module == "DS" && o.Parameter == "IntervalSeconds" && o.Value == "600");
        overrides[1].Should().Match<Override>(o => o.Enforced && o.ContextInstance == "8c0b2bd0-5a4d-4f1e-9a3b-7c6d5e4f3a2b" && o.Property == "Enabled" && o.Value == "false");
        overrides[7].Element.Should().Be("Contoso.Sample.Account");
    }

    [Fact]
    public void ReadFile_LanguagePacks_KeepDisplayStringsAndKnowledgeAsText()
    {
        var pack = ReadSample();

        pack.LanguagePacks.Select(l => (l.Id, l.IsDefault)).Should().Equal(("ENU", true), ("DEU", false));
        pack.DisplayStringFor("Contoso.Sample.Status.Monitor.AlertMessage")!.Description.Should().Be("Server {0} reports {1}.");
        pack.DisplayStringFor("Contoso.Sample.Status.Monitor.AlertMessage", language: "DEU")!.Name.Should().Be("Contoso-Server ausgefallen");
        pack.DisplayStringFor("Contoso.Sample.Status.Monitor", "Down")!.Name.Should().Be("Down");
        pack.LanguagePacks[0].KnowledgeArticles.Should().ContainSingle().Which.Content.Should().Contain("The server stopped answering.");
    }

    [Fact]
    public void ReadFile_UnknownElements_AreKeptAsOpaqueXmlWithOneWarning()
    {
        var result = ManagementPackReader.ReadFile(SamplePath);

        var view = result.Pack!.ElementsOf<OpaqueElement>().Should().ContainSingle().Subject;
        view.Id.Should().Be("Contoso.Sample.StateView");
        view.Section.Should().Be("Views");
        view.Xml.Attribute("TypeID")!.Value.Should().Be("SC!Microsoft.SystemCenter.StateViewType");
        result.Problems.Should().ContainSingle().Which.Should().Match<PackProblem>(p =>
            p.Code == ProblemCodes.OpaqueElements && !p.IsError && p.Location.Line == 341);
    }

    [Theory]
    [InlineData("utf-8 without BOM")]
    [InlineData("utf-8 with BOM")]
    [InlineData("utf-16 LE with BOM")]
    [InlineData("utf-16 BE with BOM")]
    public void Read_AnyEncodingWithItsMarks_GivesTheSamePack(string encodingName)
    {
        var text = File.ReadAllText(SamplePath);
        var (encoding, declared) = encodingName switch
        {
            "utf-8 without BOM" => ((Encoding)new UTF8Encoding(false), "utf-8"),
            "utf-8 with BOM" => (new UTF8Encoding(true), "utf-8"),
            "utf-16 LE with BOM" => (new UnicodeEncoding(false, true), "utf-16"),
            _ => (new UnicodeEncoding(true, true), "utf-16"),
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text.Replace("encoding=\"utf-8\"", $"encoding=\"{declared}\"", StringComparison.Ordinal))).ToArray();

        var result = ManagementPackReader.Read(bytes, "sample");

        result.HasErrors.Should().BeFalse();
        result.Pack!.Elements.Should().HaveCount(ReadSample().Elements.Length);
        ((ClassType)result.Pack.ElementsById["Contoso.Sample.Server"]).Location.Line.Should().Be(40);
        result.Pack.DisplayStringFor("Contoso.Sample.Status.Monitor.AlertMessage", language: "DEU")!.Name.Should().Be("Contoso-Server ausgefallen");
    }

    [Fact]
    public void ReadFile_FiftyMegabyteFile_IsRefusedWithAClearErrorAndNothingRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mh-large-{Guid.NewGuid():N}.xml");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.Write("<ManagementPack><!--"u8);
                var filler = new byte[1024 * 1024];
                Array.Fill(filler, (byte)'x');
                for (var i = 0; i < 50; i++)
                {
                    stream.Write(filler);
                }

                stream.Write("--></ManagementPack>"u8);
            }

            var result = ManagementPackReader.ReadFile(path);

            result.Pack.Should().BeNull();
            result.Problems.Should().ContainSingle().Which.Should().Match<PackProblem>(p =>
                p.Code == ProblemCodes.FileTooLarge && p.IsError && p.Message.Contains("50.0 MB") && p.Message.Contains("32.0 MB limit"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MalformedXml_ReportsWhereItBreaks()
    {
        var xml = "<ManagementPack>\n  <Manifest>\n    <Identity>\n  </Manifest>\n</ManagementPack>"u8.ToArray();

        var result = ManagementPackReader.Read(xml, "broken.xml");

        result.Pack.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().Match<PackProblem>(p =>
            p.Code == ProblemCodes.MalformedXml && p.Location.Path == "broken.xml" && p.Location.Line == 4 && p.Message.Contains("Identity"));
    }

    [Fact]
    public void Read_DocumentWithDtd_IsRefusedWithoutExpandingIt()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE ManagementPack [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <ManagementPack><Manifest><Identity><ID>&lol2;</ID><Version>1.0.0.0</Version></Identity></Manifest></ManagementPack>
            """u8.ToArray();

        var result = ManagementPackReader.Read(xml, "dtd.xml");

        result.Pack.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Code.Should().Be(ProblemCodes.DtdNotAllowed);
    }

    [Fact]
    public void Read_WrongRoot_SaysWhatARootShouldBe()
    {
        var result = ManagementPackReader.Read("<Pack />"u8.ToArray(), "wrong.xml");

        result.Problems.Should().ContainSingle().Which.Should().Match<PackProblem>(p =>
            p.Code == ProblemCodes.WrongRoot && p.Message.Contains("<Pack>") && p.Location.Line == 1);
    }
}
