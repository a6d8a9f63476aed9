namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// A computer added to be managed without an agent: its name (the object's key property and the name packs use),
/// the protocol and the address and port it is reached on, its object, and the Run As account it was added with
/// (assigned to the protocol's profile for that object). The management server that owns the object runs its
/// workflows.
/// </summary>
public sealed record ManagedComputer(string Name, string Protocol, string Address, int Port, string ClassName, Guid ObjectId)
{
    public bool UseHttps { get; init; }

    public bool TrustOnFirstUse { get; init; }

    public bool SkipCertificateCheck { get; init; }

    public Guid? RunAsAccountId { get; init; }

    public DateTimeOffset Added { get; init; }

    public string AddedBy { get; init; } = "";

    public AgentlessEndpoint Endpoint => new(Protocol, Address, Port)
    {
        UseHttps = UseHttps,
        TrustOnFirstUse = TrustOnFirstUse,
        SkipCertificateCheck = SkipCertificateCheck,
    };
}
