using Pgpm.Export.Commands;
using Pgpm.Export.Commands.Pipeline;
using Pgpm.Export.Commands.Rows;
using Pgpm.Export.Errors;
using Pgpm.Export.Model;
using Pgpm.Export.Tests.Infrastructure;
using Pgpm.Export.Values;
using Xunit;

namespace Pgpm.Export.Tests.Commands;

/// <summary>The commands' small parts: names with wildcards, values to and from PowerShell, the pump, completion.</summary>
public class BuildingBlockTests
{
    [Theory]
    [InlineData("pets", "PETS", true)]
    [InlineData("pe*", "pets-service", true)]
    [InlineData("p?ts", "pots", true)]
    [InlineData("[pq]ets", "qets", true)]
    [InlineData("[pq]ets", "rets", false)]
    [InlineData("pets", "pets2", false)]
    [InlineData("a.b", "aXb", false)]
    [InlineData("a`*", "a*", true)]
    [InlineData("a`*", "ab", false)]
    public void Names_match_the_way_PowerShell_wildcards_do(string pattern, string name, bool matches) =>
        Assert.Equal(matches, new NamePattern(pattern).Matches(name));

    [Fact]
    public void Only_a_name_with_wildcards_is_a_wildcard()
    {
        Assert.True(new NamePattern("pe*").HasWildcards);
        Assert.False(new NamePattern("pets").HasWildcards);
        Assert.False(new NamePattern("a`*").HasWildcards);
    }

    public static TheoryData<PgTypeKind, string> CanonicalValues =>
        new()
        {
            { PgTypeKind.Boolean, "true" },
            { PgTypeKind.Boolean, "false" },
            { PgTypeKind.Integer, "-9223372036854775808" },
            { PgTypeKind.Integer, "42" },
            { PgTypeKind.Uuid, "a0000000-0000-4000-8000-00000000000a" },
            { PgTypeKind.Array, "{}" },
            { PgTypeKind.Array, "{a,NULL,\"NULL\",\"\",\"x y\",\"q\\\"u\\\\o\",\"{}\",\"a,b\"}" },
            { PgTypeKind.Array, "{{1,2},{3,4}}" },
            { PgTypeKind.Array, "[0:1]={a,b}" },
            { PgTypeKind.Numeric, "1.50" },
            { PgTypeKind.Float, "-0" },
            { PgTypeKind.Jsonb, "{\"a\":[1,4.0]}" },
            { PgTypeKind.Timestamptz, "2024-01-02T03:04:05.123456Z" },
            { PgTypeKind.Interval, "1 year 2 mons" },
            { PgTypeKind.Bytea, "\\x00ff" },
            { PgTypeKind.Text, "" },
            { PgTypeKind.Enum, "app" },
        };

    [Theory]
    [MemberData(nameof(CanonicalValues))]
    public void Every_value_goes_to_PowerShell_and_back_unchanged(PgTypeKind kind, string text)
    {
        var column = new ColumnInfo("c", kind.ToString(), kind);
        var (back, problem) = RowValues.FromObject(column, RowValues.ToObject(new PgValue(kind, text)));
        Assert.Null(problem);
        Assert.Equal(text, back.Text);
    }

    [Fact]
    public void Values_as_a_user_edits_them_are_accepted_and_nonsense_is_named()
    {
        Assert.Equal("true", RowValues.FromObject(new ColumnInfo("b", "boolean", PgTypeKind.Boolean), "True").Value.Text);
        Assert.Equal("7", RowValues.FromObject(new ColumnInfo("i", "integer", PgTypeKind.Integer), 7).Value.Text);
        Assert.Equal(
            "{x,\"y z\"}",
            RowValues.FromObject(new ColumnInfo("a", "text[]", PgTypeKind.Array), new object[] { "x", "y z" }).Value.Text
        );
        Assert.Equal("{\"a\":1}", RowValues.FromObject(new ColumnInfo("j", "jsonb", PgTypeKind.Jsonb), "{ \"a\" : 1 }").Value.Text);
        Assert.Contains("is_public", RowValues.FromObject(new ColumnInfo("is_public", "boolean", PgTypeKind.Boolean), "maybe").Problem);
        Assert.NotNull(RowValues.FromObject(new ColumnInfo("j", "jsonb", PgTypeKind.Jsonb), "{broken").Problem);
        Assert.NotNull(RowValues.FromObject(new ColumnInfo("a", "text[]", PgTypeKind.Array), "System.String[]").Problem);
        Assert.NotNull(RowValues.FromObject(new ColumnInfo("t", "text", PgTypeKind.Text), new object()).Problem);
    }

    [Theory]
    [InlineData("{a,b}", new[] { "a", "b" })]
    [InlineData("{\"a,b\",\"\"}", new[] { "a,b", "" })]
    public void One_dimensional_array_literals_parse_into_their_elements(string literal, string[] elements) =>
        Assert.Equal(elements, ArrayLiteral.TryParseOneDimensional(literal)!);

    [Theory]
    [InlineData("{{a}}")]
    [InlineData("{a")]
    [InlineData("{\"a}")]
    [InlineData("{a,,b}")]
    [InlineData("x")]
    public void Anything_else_is_not_parsed(string literal) => Assert.Null(ArrayLiteral.TryParseOneDimensional(literal));

    [Fact]
    public void Type_names_find_the_table_through_the_prefixes_PowerShell_adds()
    {
        var field = new TableRef("metaschema_public", "field");
        Assert.Equal(field, RowTypeName.TableOf(["Pgpm.Export.Row#metaschema_public.field"]));
        Assert.Equal(field, RowTypeName.TableOf(["Selected.Pgpm.Export.Row#metaschema_public.field"]));
        Assert.Equal(field, RowTypeName.TableOf(["CSV:Pgpm.Export.Row#metaschema_public.field"]));
        Assert.Null(RowTypeName.TableOf(["System.String", "Pgpm.Export.Row#nodot"]));
    }

    [Fact]
    public void The_pump_delivers_in_order_on_the_calling_thread_and_answers_questions_there()
    {
        var host = new RecordingHost { ShouldProcessAnswer = true };
        var answer = CommandPump.Run(host, CancellationToken.None, async (o, ct) =>
        {
            for (var i = 0; i < 100; i++)
                await o.WriteObjectAsync(i, ct);
            o.WriteVerbose("between");
            var yes = await o.ShouldProcessAsync("t", "a", "w", ct);
            o.WriteWarning("after");
            return yes;
        });
        Assert.True(answer);
        Assert.Equal(Enumerable.Range(0, 100).Cast<object>(), host.Objects);
        Assert.Equal(["verbose: between", "shouldprocess: t a w", "warning: after"], host.Transcript.Skip(100));
        Assert.Equal([Environment.CurrentManagedThreadId], host.Threads);
    }

    [Fact]
    public void The_works_own_failure_arrives_unwrapped()
    {
        var error = Assert.Throws<ExportException>(() =>
            CommandPump.Run(new RecordingHost(), CancellationToken.None, (_, _) =>
                throw new ExportException(ExportErrorKind.Write, "X", "boom")
            )
        );
        Assert.Equal("X", error.ErrorId);
    }

    [Fact]
    public void Table_completion_offers_manifest_names_and_full_names_after_a_dot()
    {
        Assert.Contains("field", Completion.TableNames("fi"));
        Assert.DoesNotContain("schema", Completion.TableNames("fi"));
        Assert.Contains("metaschema_public.field", Completion.TableNames("metaschema_public.f"));
        Assert.Equal(Completion.TableNames(""), Completion.TableNames(null).ToList());
    }
}
