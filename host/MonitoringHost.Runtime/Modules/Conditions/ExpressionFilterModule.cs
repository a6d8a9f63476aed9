using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Expressions;

namespace MonitoringHost.Runtime.Modules.Conditions;

/// <summary>
/// <c>System.ExpressionFilter</c>: passes an item on unchanged when its <c>Expression</c> holds (and, with
/// <c>SuppressionSettings</c>, when enough recent items matched too).
/// </summary>
public sealed class ExpressionFilterModule : ConditionModule
{
    private readonly SuppressionWindow? _suppression;
    private readonly TimeProvider _time;

    public ExpressionFilterModule(ExpressionFilterConfiguration configuration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(time);
        Configuration = configuration;
        _time = time;
        _suppression = configuration.Suppression is { PassesEveryMatch: false } settings ? new SuppressionWindow(settings) : null;
    }

    public ExpressionFilterConfiguration Configuration { get; }

    public override DataItem? Evaluate(DataItem input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var matched = Configuration.Expression.Evaluate(input);
        if (_suppression is null)
        {
            return matched ? input : null;
        }

        return _suppression.Record(matched, _time.GetUtcNow()) ? input : null;
    }
}

/// <summary>An expression filter's configuration: the compiled expression and any suppression.</summary>
public sealed record ExpressionFilterConfiguration(ExpressionNode Expression, SuppressionSettings? Suppression)
{
    public static ExpressionFilterConfiguration Read(ModuleConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var suppression = configuration.Child("SuppressionSettings") is { } settings ? SuppressionSettings.Read(settings, configuration) : null;
        return new ExpressionFilterConfiguration(ReadExpression(configuration), suppression);
    }

    /// <summary>The <c>Expression</c> element compiled (the logical set filter's is the same).</summary>
    internal static ExpressionNode ReadExpression(ModuleConfiguration configuration) =>
        ExpressionCompiler.Compile(configuration.RequiredChild("Expression"), configuration.Problem);
}

/// <summary>Makes <see cref="ExpressionFilterModule"/>s.</summary>
public sealed class ExpressionFilterFactory : NativeModuleFactory
{
    public override string TypeId => "System.ExpressionFilter";

    /// <summary>Without SuppressionSettings the filter keeps no state: one serves every instance with its expression.</summary>
    public override bool Shareable(ModuleConfiguration configuration) => configuration?.Child("SuppressionSettings") is null;

    public override ModuleInstance Create(ModuleSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new ExpressionFilterModule(ExpressionFilterConfiguration.Read(setup.Configuration), setup.Services.Time);
    }
}
