using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Tests.Shared;

namespace MonitoringHost.ManagementPacks.Tests.Corpus;

/// <summary>The shipped libraries, read once per test class that needs them.</summary>
public sealed class LibraryFixture
{
    public LibraryFixture()
    {
        var batch = ShippedLibraries.Read(RepositoryPaths.Libraries);
        batch.Problems.Where(p => p.IsError).Should().BeEmpty("the shipped libraries must read cleanly");
        Packs = batch.Packs;
    }

    public ImmutableArray<ManagementPack> Packs { get; }
}
