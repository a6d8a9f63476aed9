namespace MonitoringHost.ManagementPacks.Problems;

/// <summary>
/// Every problem code the loader and validator report. Codes are stable: tools may key on them. The summary of each
/// is in the project README.
/// </summary>
public static class ProblemCodes
{
    // Reading: 00xx
    public const string MalformedXml = "MP0001";
    public const string WrongRoot = "MP0002";
    public const string InvalidManifest = "MP0003";
    public const string FileTooLarge = "MP0004";
    public const string DtdNotAllowed = "MP0005";
    public const string OpaqueElements = "MP0006";
    public const string UnsupportedSchemaVersion = "MP0007";
    public const string MissingRequired = "MP0008";
    public const string InvalidValue = "MP0009";
    public const string UnknownFragmentAlias = "MP0010";
    public const string UnfilledTemplateToken = "MP0011";
    public const string FileUnreadable = "MP0012";

    // Identity and references: 01xx
    public const string DuplicateElementId = "MP0101";
    public const string IllFormedId = "MP0102";
    public const string DuplicatePack = "MP0103";
    public const string MissingReferencedPack = "MP0110";
    public const string ReferencedVersionTooHigh = "MP0111";
    public const string PublicKeyTokenMismatch = "MP0112";
    public const string ReferencedPackNotSealed = "MP0113";
    public const string PackReferenceCycle = "MP0114";
    public const string DuplicateAlias = "MP0115";
    public const string UnknownAlias = "MP0120";
    public const string UnresolvedElement = "MP0121";
    public const string WrongElementKind = "MP0122";
    public const string InternalElement = "MP0123";

    // Types: 013x
    public const string ClassInheritanceCycle = "MP0130";
    public const string RelationshipInheritanceCycle = "MP0131";
    public const string HostingTargetNotHosted = "MP0132";
    public const string HostedClassWithoutHost = "MP0133";
    public const string HostedFlagChanged = "MP0134";
    public const string DuplicateProperty = "MP0135";
    public const string UnkeyedClass = "MP0136";
    public const string KeyOnExtensionOrSingleton = "MP0137";
    public const string InvalidPropertyType = "MP0138";
    public const string HostingSourceAbstract = "MP0139";

    // Modules: 015x
    public const string UnknownCompositionNode = "MP0150";
    public const string CompositionCycle = "MP0151";
    public const string DataTypeMismatch = "MP0152";
    public const string ModuleRoleMismatch = "MP0153";
    public const string UnknownConfigReference = "MP0154";
    public const string ConfigurationInvalid = "MP0155";
    public const string ConfigurationSchemaInvalid = "MP0156";
    public const string SelectorNotInConfiguration = "MP0157";
    public const string UnusedMemberModule = "MP0158";
    public const string UnknownDetectionState = "MP0159";
    public const string DuplicateMemberModule = "MP0160";

    // Monitors and workflows: 017x
    public const string UnknownOperationalState = "MP0170";
    public const string UnmappedMonitorTypeState = "MP0171";
    public const string ParentMonitorNotApplicable = "MP0172";
    public const string DiscoveryOutputNotDiscoveryData = "MP0173";
    public const string InvalidHealthState = "MP0174";

    // Overrides: 019x
    public const string OverrideModuleNotFound = "MP0191";
    public const string OverrideParameterNotFound = "MP0192";
    public const string OverridePropertyInvalid = "MP0193";
    public const string OverrideValueInvalid = "MP0194";
    public const string OverrideContextInstanceInvalid = "MP0195";

    // Substitutions and strings: 020x
    public const string UnresolvedMPElementToken = "MP0200";
    public const string UnknownPropertyReference = "MP0201";
    public const string UnknownDisplayStringElement = "MP0210";
}
