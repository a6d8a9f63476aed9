namespace MonitoringHost.Tests.Shared.WsMan;

/// <summary>How the test endpoint spoils its answers.</summary>
public enum AnswerDamage
{
    None,

    /// <summary>The envelope is cut in the middle.</summary>
    Truncated,

    /// <summary>The envelope carries a DTD with an entity (a client must refuse DTDs).</summary>
    DocumentTypeDeclaration,
}
