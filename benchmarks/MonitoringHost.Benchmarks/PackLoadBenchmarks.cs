using BenchmarkDotNet.Attributes;
using MonitoringHost.ManagementPacks.Libraries;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Reading;

namespace MonitoringHost.Benchmarks;

/// <summary>
/// Reads and validates the largest corpus pack together with every shipped library, from bytes already in memory,
/// as an import does. Throughput (MB/s) is printed after the run from the mean time and the bytes read.
/// </summary>
[MemoryDiagnoser]
public class PackLoadBenchmarks
{
    private static readonly string Root = BenchmarkPaths.Root;
    private static readonly string LargestPack = Path.Combine(Root, "..", "shared", "corpus", "mp", "full", "SCOM.Management.xml");
    private static readonly string[] LibraryFiles = Directory.GetFiles(Path.Combine(Root, "packs", "libraries"), "*.xml").Order(StringComparer.Ordinal).ToArray();

    private (string Name, byte[] Bytes)[] _libraries = [];
    private byte[] _pack = [];

    public static long TotalBytes() => new FileInfo(LargestPack).Length + LibraryFiles.Sum(f => new FileInfo(f).Length);

    [GlobalSetup]
    public void Setup()
    {
        _libraries = [.. LibraryFiles.Select(f => (f, File.ReadAllBytes(f)))];
        _pack = File.ReadAllBytes(LargestPack);
    }

    [Benchmark]
    public int ReadAndValidateLargestCorpusPackWithLibraries()
    {
        var packs = new List<ManagementPack>(_libraries.Length + 1);
        foreach (var (name, bytes) in _libraries)
        {
            packs.Add(ManagementPackReader.Read(bytes, name, ShippedLibraries.ReadOptions).Pack!);
        }

        var read = ManagementPackReader.Read(_pack, LargestPack);
        packs.Add(read.Pack!);
        var result = PackSetLoader.Validate(packs, read.Problems, 1);
        if (result.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems.Where(p => p.IsError)));
        }

        return result.Problems.Length;
    }

    [Benchmark]
    public int ReadLargestCorpusPackOnly() => ManagementPackReader.Read(_pack, LargestPack).Pack!.Elements.Length;
}
