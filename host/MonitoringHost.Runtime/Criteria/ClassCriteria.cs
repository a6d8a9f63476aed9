namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// The fields criteria over classes name (API.md "Classes and objects"): <c>id</c>, <c>name</c>, <c>displayName</c>,
/// <c>managementPack</c>, <c>base</c> (the base class's name), <c>abstract</c>, <c>hosted</c>, <c>singleton</c>.
/// </summary>
public static class ClassCriteria
{
    public static CriteriaSchema<ClassCriteriaItem> Schema() => new(
    [
        CriteriaField.Id<ClassCriteriaItem>("id", c => c.Class.Id),
        CriteriaField.Text<ClassCriteriaItem>("name", c => c.Class.Name),
        CriteriaField.Text<ClassCriteriaItem>("displayName", c => c.DisplayName),
        CriteriaField.Text<ClassCriteriaItem>("managementPack", c => c.ManagementPack),
        CriteriaField.Text<ClassCriteriaItem>("base", c => c.Class.Base?.Name),
        CriteriaField.Flag<ClassCriteriaItem>("abstract", c => c.Class.Abstract),
        CriteriaField.Flag<ClassCriteriaItem>("hosted", c => c.Class.Hosted),
        CriteriaField.Flag<ClassCriteriaItem>("singleton", c => c.Class.Singleton),
    ]);
}
