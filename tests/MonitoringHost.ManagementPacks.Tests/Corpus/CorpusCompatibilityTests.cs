using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.ManagementPacks.Tests.Corpus;

/// <summary>Real public packs load and validate against the shipped libraries.</summary>
public sealed class CorpusCompatibilityTests(LibraryFixture libraries) : IClassFixture<LibraryFixture>
{
    /// <summary>
    /// The warnings each full pack is expected to produce (code and line). Views, folders, console tasks and
    /// categories are kept as XML; F12's monitor type declares a member module it never wires into a detection.
    /// </summary>
    public static readonly TheoryData<string, string[]> FullPacks = new()
    {
        { "Demo.CollectConsolidatedEvent.xml", [] },
        { "DiagnosticsAndRecoveries.xml", [] },
        { "F12.FTPMonitoring.xml", ["MP0158@194", "MP0006@385", "MP0006@390", "MP0006@393"] },
        { "OpsMgr.GenericServiceMonitoring.xml", ["MP0006@442", "MP0006@505", "MP0006@508"] },
        { "SCOM.Management.xml", ["MP0006@1220", "MP0006@3615", "MP0006@3646", "MP0006@4065", "MP0006@4068", "MP0006@4387"] },
    };

    /// <summary>
    /// Fragments that cannot validate, with the reason. Each is asserted to fail with exactly these codes, so the
    /// list cannot silently go stale.
    /// </summary>
    public static readonly Dictionary<string, (string[] Codes, string Reason)> KnownFailingFragments = new()
    {
        ["Class.And.Discovery.MultiRole.mpx"] = (["MP0001"], "the published fragment is malformed XML: </DisplayString> closes <DisplayStrings> at line 212"),
        ["Class.Group.WindowsComputersAndWatchers.Contains.ClassInstanceWithPropertyMatch.mpx"] = (["MP0110", "MP0110"], "it needs the SQL Server product packs (Microsoft.SQLServer.Core.Library, Microsoft.SQLServer.Windows.Discovery), which are not libraries and are not shipped"),
        ["Monitor.SNMP.Poll.OIDValue.Integer.Performance.OverrideThreshold.mpx"] = (["MP0155"], "the fragment's unit monitor names SNL's SnmpProbe.2SingleEvent2StateMonitorType but gives the configuration of the fragment's own monitor type; Operations Manager rejects it too"),
    };

    public static TheoryData<string> Fragments()
    {
        var data = new TheoryData<string>();
        var folder = Path.Combine(RepositoryPaths.Corpus, "fragment-library");
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.mpx").Order(StringComparer.Ordinal).ToArray() : [])
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(FullPacks))]
    public void FullPack_ValidatesWithZeroErrors_AndOnlyTheListedWarnings(string file, string[] expectedWarnings)
    {
        var path = Path.Combine(RepositoryPaths.RequireCorpus(), "full", file);

        var result = PackSetLoader.Load([path], libraries.Packs);

        result.Problems.Where(p => p.IsError).Should().BeEmpty();
        result.Summary.Packs.Should().Be(1);
        result.Problems.Where(p => !p.IsError).Select(p => $"{p.Code}@{p.Location.Line}")
            .Should().BeEquivalentTo(expectedWarnings);
    }

    [SkippableFact]
    public void AllFullPacks_TogetherWithTheLibraries_FormOneValidPackSet()
    {
        var result = PackSetLoader.Load([Path.Combine(RepositoryPaths.RequireCorpus(), "full")], libraries.Packs);

        result.HasErrors.Should().BeFalse();
        result.Summary.Packs.Should().Be(5);
        result.Packs.Packs.Length.Should().Be(5 + libraries.Packs.Length);
    }

    [SkippableTheory]
    [MemberData(nameof(Fragments))]
    public void Fragment_WithTemplateTokensFilled_ValidatesAgainstTheLibraries(string file)
    {
        var path = Path.Combine(RepositoryPaths.RequireCorpus(), "fragment-library", file);
        var options = new ManagementPackReadOptions { TemplateValues = FragmentTemplateValues.Values };

        var result = PackSetLoader.Load([path], libraries.Packs, options, FragmentGrouping.EachFile);

        var errors = result.Problems.Where(p => p.IsError).Select(p => p.Code).Order(StringComparer.Ordinal).ToList();
        if (KnownFailingFragments.TryGetValue(file, out var known))
        {
            errors.Should().Equal(known.Codes.Order(StringComparer.Ordinal), known.Reason);
            return;
        }

        result.Problems.Where(p => p.IsError).Should().BeEmpty();
        result.Problems.Should().NotContain(p => p.Code == ProblemCodes.UnfilledTemplateToken);
    }

    [SkippableFact]
    public void FragmentLibrary_HasOnlyAShortListOfFragmentsThatCannotValidate()
    {
        var count = Directory.GetFiles(Path.Combine(RepositoryPaths.RequireCorpus(), "fragment-library"), "*.mpx").Length;

        count.Should().BeGreaterThan(100);
        KnownFailingFragments.Should().HaveCountLessThanOrEqualTo(3);
    }
}
