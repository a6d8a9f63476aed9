using System.Text;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Reading;

namespace MonitoringHost.ManagementPacks.Tests.Validation;

/// <summary>
/// Reads test packs as an upload is read (<see cref="ManagementPackReader.Read(byte[], string, ManagementPackReadOptions?)"/>),
/// validates them on top of the shipped libraries, and keeps the problems found in the test packs.
/// </summary>
internal static class PackCheck
{
    public const string FileName = "Test.xml";

    private static readonly Lazy<ManagementPackBatch> LibraryBatch = new(() => ShippedLibraries.Read());

    public static ManagementPackBatch Libraries => LibraryBatch.Value;

    public static CheckOutcome Check(string xml, ManagementPackReadOptions? options = null) => Check(new TestFile(FileName, xml, options));

    public static CheckOutcome Check(params TestFile[] files)
    {
        var read = files.Select(f => ManagementPackReader.Read(Encoding.UTF8.GetBytes(f.Xml), f.Name, f.Options)).ToList();
        var packs = read.Select(r => r.Pack).OfType<ManagementPack>().ToList();
        var result = PackSetLoader.Validate([.. Libraries.Packs, .. packs], [.. read.SelectMany(r => r.Problems)], packs.Count);
        return Outcome(result);
    }

    /// <summary>
    /// The problems outside the shipped libraries' files: what the pack under test did. The libraries' own problems
    /// are the clean-pack test's business.
    /// </summary>
    public static CheckOutcome Outcome(PackSetLoadResult result)
    {
        var libraryPaths = Libraries.Packs.Select(p => p.SourcePath).ToHashSet(StringComparer.Ordinal);
        return new CheckOutcome([.. result.Problems.Where(p => !libraryPaths.Contains(p.Location.Path))], result);
    }
}
