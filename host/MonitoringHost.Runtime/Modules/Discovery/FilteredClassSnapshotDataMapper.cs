using System.Xml.Linq;
using MonitoringHost.Runtime.DataItems;

using MonitoringHost.Runtime.Expressions;

namespace MonitoringHost.Runtime.Modules.Discovery;

/// <summary>
/// <c>System.Discovery.FilteredClassSnapshotDataMapper</c>: <see cref="ClassSnapshotDataMapper"/> for the items
/// its <c>Expression</c> accepts; any other item ends there and sends nothing (the library defines it as an
/// expression filter followed by the mapper, so a rejected item changes nothing in the instance space).
/// </summary>
public sealed class FilteredClassSnapshotDataMapper : ConditionModule
{
    private readonly Predicate<DataItem> _accepts;
    private readonly ClassSnapshotDataMapper _mapper;

    private FilteredClassSnapshotDataMapper(Predicate<DataItem> accepts, ClassSnapshotDataMapper mapper)
    {
        _accepts = accepts;
        _mapper = mapper;
    }

    public ClassSnapshotDataMapper.Configuration Settings => _mapper.Settings;

    public override DataItem? Evaluate(DataItem input) => _accepts(input) ? _mapper.Evaluate(input) : null;

    /// <summary>
    /// Makes <see cref="FilteredClassSnapshotDataMapper"/> with the expression evaluator it is given: the
    /// <c>Expression</c> element and the configuration (to report a bad expression with
    /// <see cref="ModuleConfiguration.Problem"/>) in, a predicate over items out. Without a parameterless
    /// constructor <see cref="ModuleCatalog.Default"/> does not pick it up: a host adds it with
    /// <see cref="ModuleCatalog.With"/> once it has an evaluator, and until then workflows using the module are
    /// reported as unsupported rather than run with a filter that is not the pack's.
    /// </summary>
    public sealed class Factory(Func<XElement, ModuleConfiguration, Predicate<DataItem>> compileExpression) : NativeModuleFactory
    {
        /// <summary>With the host's expression evaluator (the same as <c>System.ExpressionFilter</c>'s).</summary>
        public Factory()
            : this(static (expression, configuration) => ExpressionCompiler.Compile(expression, configuration.Problem).Evaluate)
        {
        }

        public override string TypeId => "System.Discovery.FilteredClassSnapshotDataMapper";

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            var configuration = ClassSnapshotDataMapper.Configuration.Read(setup);
            var accepts = compileExpression(setup.Configuration.RequiredChild("Expression"), setup.Configuration);
            return new FilteredClassSnapshotDataMapper(accepts, new ClassSnapshotDataMapper(configuration, setup));
        }
    }
}
