namespace MonitoringHost.ManagementPacks.Resolution;

/// <summary>The parts of an <c>Alias!ID</c> reference; a reference without an alias means the current pack.</summary>
public readonly record struct ElementReference(string? Alias, string Id)
{
    public static ElementReference Parse(string text)
    {
        var bang = text.IndexOf('!', StringComparison.Ordinal);
        return bang < 0 ? new ElementReference(null, text.Trim()) : new ElementReference(text[..bang].Trim(), text[(bang + 1)..].Trim());
    }

    public override string ToString() => Alias is null ? Id : $"{Alias}!{Id}";
}
