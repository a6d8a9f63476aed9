namespace MonitoringHost.Runtime.Modules;

/// <summary>
/// Makes one native module type: the C# implementation of a library module type the packs name by ID. Each native
/// module file holds its module and a factory derived from this; <see cref="ModuleCatalog"/> finds the factories.
/// </summary>
public abstract class NativeModuleFactory
{
    /// <summary>The module type's element ID in its library pack, e.g. <c>System.ExpressionFilter</c>.</summary>
    public abstract string TypeId { get; }

    /// <summary>
    /// A module for one workflow instance. Configuration problems throw <see cref="ModuleConfigurationException"/>
    /// (through <see cref="ModuleConfiguration"/>'s readers), which keeps that instance from running.
    /// </summary>
    public abstract ModuleInstance Create(ModuleSetup setup);

    /// <summary>
    /// Whether one module made from <paramref name="configuration"/> may serve every workflow instance whose
    /// configuration is the same (the module keeps no state between items and does not depend on its target beyond
    /// its configuration). A million instances of a rule then share one scheduler and one filter.
    /// </summary>
    public virtual bool Shareable(ModuleConfiguration configuration) => false;

    /// <summary>
    /// Whether the module takes each Run As profile its configuration names as a whole account (it reads the
    /// account with <see cref="Credentials.RunAsCredentials.Get"/> and uses the fields its kind has) rather than
    /// field by field. The host then does not refuse a <c>$RunAs[…]/Field$</c> token whose account lacks the field:
    /// the UNIX modules' configurations name <c>UserName</c> and <c>Password</c>, and an SSH key account, which has
    /// no password, must serve them too. The profile must still resolve to an account.
    /// </summary>
    public virtual bool UsesWholeRunAsAccounts => false;
}
