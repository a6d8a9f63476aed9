using System.Text.RegularExpressions;
using MonitoringHost.Runtime.Criteria;

namespace MonitoringHost.Runtime.Tests.Criteria;

public sealed class CriteriaCompilerTests
{
    private static readonly Guid FirstId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    private static readonly CriteriaSchema<Item> Schema = new([
        CriteriaField.Text<Item>("Name", i => i.Name),
        CriteriaField.Number<Item>("Count", i => i.Count),
        CriteriaField.Enumeration<Item>("Level", CriteriaEnum.Sequence("Low", "Normal", "High"), i => i.Level),
        CriteriaField.Time<Item>("When", i => i.When),
        CriteriaField.Id<Item>("Id", i => i.Id),
        CriteriaField.Flag<Item>("Flag", i => i.Flag),
    ]);

    private static readonly Item[] Items =
    [
        new("web01", 3, 0, DateTimeOffset.Parse("2026-11-30T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), FirstId, true),
        new("Web02", 10, 2, DateTimeOffset.Parse("2026-11-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Guid.Empty, false),
        new("db'01", 7.5, 1, null, null, null),
        new(null, null, null, null, null, null),
    ];

    private static string[] Matching(string criteria)
    {
        var predicate = Schema.Compile(criteria);
        return [.. Items.Where(predicate).Select(i => i.Name ?? "(none)")];
    }

    [Theory]
    [InlineData("Name = 'WEB01'", new[] { "web01" })]
    [InlineData("name != 'web01'", new[] { "Web02", "db'01" })]
    [InlineData("Name <> 'web01'", new[] { "Web02", "db'01" })]
    [InlineData("Name < 'W'", new[] { "db'01" })]
    [InlineData("Name >= 'web02'", new[] { "Web02" })]
    [InlineData("Name = 'db''01'", new[] { "db'01" })]
    [InlineData("Count > 3", new[] { "Web02", "db'01" })]
    [InlineData("Count <= 7.5", new[] { "web01", "db'01" })]
    [InlineData("Count < 1e1", new[] { "web01", "db'01" })]
    [InlineData("Count = '10'", new[] { "Web02" })]
    [InlineData("Level = 'High'", new[] { "Web02" })]
    [InlineData("Level = 2", new[] { "Web02" })]
    [InlineData("Level >= 'normal'", new[] { "Web02", "db'01" })]
    [InlineData("Level <> 0", new[] { "Web02", "db'01" })]
    [InlineData("When > '2026-11-30T11:00:00Z'", new[] { "Web02" })]
    [InlineData("When < '2026-11-30T11:30:00+01:00'", new[] { "web01" })]
    [InlineData("When >= '2026-11-30T12:00:00.0000001'", new string[0])]
    [InlineData("When > '2026-11-30'", new[] { "web01", "Web02" })]
    [InlineData("When = '2026-11-30T10:00Z'", new[] { "web01" })]
    [InlineData("Id = '3F2504E0-4F89-11D3-9A0C-0305E82C3301'", new[] { "web01" })]
    [InlineData("Id != '00000000-0000-0000-0000-000000000000'", new[] { "web01" })]
    [InlineData("Flag = TRUE", new[] { "web01" })]
    [InlineData("Flag = 'false'", new[] { "Web02" })]
    [InlineData("Flag != true", new[] { "Web02" })]
    public void Comparisons_CompareInTheFieldsType_AndNeverMatchNull(string criteria, string[] expected) =>
        Matching(criteria).Should().Equal(expected);

    [Theory]
    [InlineData("Name IS NULL", new[] { "(none)" })]
    [InlineData("Count IS NULL", new[] { "(none)" })]
    [InlineData("When IS NULL", new[] { "db'01", "(none)" })]
    [InlineData("Id IS NOT NULL", new[] { "web01", "Web02" })]
    [InlineData("Flag IS NOT NULL", new[] { "web01", "Web02" })]
    [InlineData("Level IS NULL", new[] { "(none)" })]
    [InlineData("NOT Name = 'web01'", new[] { "Web02", "db'01", "(none)" })]
    public void Nulls_OnlyIsNullFindsThem_AndNotNegatesFalse(string criteria, string[] expected) =>
        Matching(criteria).Should().Equal(expected);

    [Theory]
    [InlineData("Name LIKE 'web%'", new[] { "web01", "Web02" })]
    [InlineData("Name LIKE 'WEB_1'", new[] { "web01" })]
    [InlineData("Name LIKE '%0[12]'", new[] { "web01", "Web02", "db'01" })]
    [InlineData("Name LIKE '[^w]%'", new[] { "db'01" })]
    [InlineData("Name LIKE 'web'", new string[0])]
    [InlineData("Name NOT LIKE 'web%'", new[] { "db'01", "(none)" })]
    [InlineData("Name MATCHES '^[a-z]+0\\d$'", new[] { "web01" })]
    [InlineData("Name MATCHES '''0'", new[] { "db'01" })]
    [InlineData("Name NOT MATCHES 'e'", new[] { "db'01", "(none)" })]
    public void LikeAndMatches(string criteria, string[] expected) =>
        Matching(criteria).Should().Equal(expected);

    [Theory]
    [InlineData("Level = 2 OR Level = 0 AND Count > 5", new[] { "Web02" })]
    [InlineData("(Level = 2 OR Level = 0) AND Count < 5", new[] { "web01" })]
    [InlineData("NOT Level = 2 AND Count > 5", new[] { "db'01" })]
    [InlineData("NOT (Level = 2 OR Count > 5)", new[] { "web01", "(none)" })]
    [InlineData("NOT NOT Flag = true", new[] { "web01" })]
    public void Precedence_NotThenAndThenOr(string criteria, string[] expected) =>
        Matching(criteria).Should().Equal(expected);

    [Theory]
    [InlineData("Colour = 'red'", 1, "unknown-field", "at position 1: unknown field 'Colour'; the fields are Count, Flag, Id, Level, Name, When")]
    [InlineData("Count = 'many'", 9, "type", "at position 9: 'many' does not fit Count, a number field: it is not a number")]
    [InlineData("Level = 'Severe'", 9, "type", "at position 9: 'Severe' does not fit Level, an enum field: it is not one of its values: Low (0), Normal (1), High (2) (or a number from 0 to 2)")]
    [InlineData("Level = 3", 9, "type", "at position 9: 3 does not fit Level")]
    [InlineData("When > 'yesterday'", 8, "type", "at position 8: 'yesterday' does not fit When, a date-time field: it is not a date and time")]
    [InlineData("When > '11/30/2026'", 8, "type", "at position 8: '11/30/2026' does not fit When, a date-time field: it is not a date and time")]
    [InlineData("Id = 'abc'", 6, "type", "at position 6: 'abc' does not fit Id, a GUID field: it is not a GUID")]
    [InlineData("Id < '3f2504e0-4f89-11d3-9a0c-0305e82c3301'", 1, "operator", "at position 1: Id is a GUID field: only = and != apply to it")]
    [InlineData("Flag = 'maybe'", 8, "type", "at position 8: 'maybe' does not fit Flag, a boolean field: it is not TRUE or FALSE")]
    [InlineData("Name = NULL", 8, "type", "at position 8: nothing equals NULL; write Name IS NULL or Name IS NOT NULL")]
    [InlineData("Count LIKE '1%'", 1, "operator", "at position 1: LIKE applies to text fields; Count is a number field")]
    [InlineData("Name LIKE 'a[bc'", 11, "pattern", "at position 11: 'a[bc' has a '[' at character 2 without its closing ']'")]
    [InlineData("Name MATCHES '(a'", 14, "pattern", "at position 14: '(a' is not a valid MATCHES pattern")]
    public void BadValues_SayWhereAndWhat(string criteria, int position, string code, string message)
    {
        var problem = FluentActions.Invoking(() => Schema.Compile(criteria)).Should().Throw<CriteriaException>().Which.Problems.Should().ContainSingle().Subject;

        (problem.Position, problem.Code).Should().Be((position, code));
        problem.Message.Should().StartWith(message);
    }

    [Fact]
    public void EveryProblemIsListed_InOrder()
    {
        var problems = FluentActions.Invoking(() => Schema.Compile("Colour = 'red' OR Count = 'x' AND Shape IS NULL")).Should().Throw<CriteriaException>().Which.Problems;

        problems.Select(p => (p.Position, p.Code, p.Field)).Should().Equal((1, "unknown-field", "Colour"), (27, "type", "Count"), (35, "unknown-field", "Shape"));
    }

    [Fact]
    public void Matches_TimesOut_OnCatastrophicBacktracking()
    {
        var schema = new CriteriaSchema<string>([CriteriaField.Text<string>("Text", s => s)]);
        var predicate = CriteriaCompiler.Compile(CriteriaParser.Parse("Text MATCHES '^(a+)+$'"), schema, TimeSpan.FromMilliseconds(20));

        FluentActions.Invoking(() => predicate(new string('a', 40) + "!")).Should().Throw<RegexMatchTimeoutException>();
    }

    [Fact]
    public void FieldsOutsideTheFixedOnes_ComeFromTheResolver()
    {
        var schema = new CriteriaSchema<Dictionary<string, string>>(
            [],
            name => name == "Colour" ? CriteriaField.Text<Dictionary<string, string>>(name, d => d.GetValueOrDefault(name)) : null);
        var predicate = schema.Compile("Colour LIKE 'r%'");

        predicate(new() { ["Colour"] = "Red" }).Should().BeTrue();
        predicate(new() { ["Shape"] = "round" }).Should().BeFalse();
    }

    private sealed record Item(string? Name, double? Count, int? Level, DateTimeOffset? When, Guid? Id, bool? Flag);
}
