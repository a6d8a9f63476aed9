using System.Text;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.ManagementPacks.Tests.Corpus;

/// <summary>
/// Real packs broken at random (an attribute dropped or garbled, an element dropped or duplicated, text garbled)
/// never make the loader throw: every break comes back as problems. The seed is fixed so a failure reproduces.
/// </summary>
public sealed class MutatedPackRobustnessTests(LibraryFixture libraries) : IClassFixture<LibraryFixture>
{
    private const int MutationsPerPack = 150;

    [SkippableTheory]
    [InlineData("DiagnosticsAndRecoveries.xml")]
    [InlineData("F12.FTPMonitoring.xml")]
    [InlineData("OpsMgr.GenericServiceMonitoring.xml")]
    [InlineData("SCOM.Management.xml")]
    public void RandomlyBrokenPack_IsReportedNeverThrown(string file)
    {
        var original = XDocument.Load(Path.Combine(RepositoryPaths.RequireCorpus(), "full", file), LoadOptions.None);
        var random = new Random(file.Length * 7919);
        var elements = original.Descendants().Count();
        var reportedBreaks = 0;

        for (var i = 0; i < MutationsPerPack; i++)
        {
            var document = new XDocument(original);
            var what = Mutate(document, random);
            var bytes = Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));

            var act = () =>
            {
                var read = ManagementPackReader.Read(bytes, file);
                return read.Pack is null ? read.Problems : PackSetLoader.Validate([.. libraries.Packs, read.Pack], read.Problems, 1).Problems;
            };

            var problems = act.Should().NotThrow($"mutation {i} ({what}) must be reported, not thrown").Subject;
            reportedBreaks += problems.Any(p => p.IsError) ? 1 : 0;
        }

        elements.Should().BeGreaterThan(50);
        reportedBreaks.Should().BeGreaterThan(MutationsPerPack / 5, "many random breaks are real errors and must be found");
    }

    private static string Mutate(XDocument document, Random random)
    {
        var all = document.Root!.Descendants().ToList();
        var target = all[random.Next(all.Count)];
        switch (random.Next(5))
        {
            case 0 when target.Attributes().Any():
                var dropped = target.Attributes().ElementAt(random.Next(target.Attributes().Count()));
                dropped.Remove();
                return $"dropped {target.Name.LocalName}@{dropped.Name}";
            case 1 when target.Attributes().Any():
                var garbled = target.Attributes().ElementAt(random.Next(target.Attributes().Count()));
                garbled.Value = "Bad!Value$Config/Nope$";
                return $"garbled {target.Name.LocalName}@{garbled.Name}";
            case 2 when target.Parent is not null:
                target.Remove();
                return $"dropped <{target.Name.LocalName}>";
            case 3 when target.Parent is not null:
                target.AddAfterSelf(new XElement(target));
                return $"duplicated <{target.Name.LocalName}>";
            default:
                if (!target.HasElements)
                {
                    target.Value = "garbage<>&" + random.Next();
                }

                return $"garbled text of <{target.Name.LocalName}>";
        }
    }
}
