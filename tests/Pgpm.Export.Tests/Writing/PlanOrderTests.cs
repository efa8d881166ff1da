using Pgpm.Export.Errors;
using Pgpm.Export.Writing;
using Xunit;

namespace Pgpm.Export.Tests.Writing;

public class PlanOrderTests
{
    private static PlanOrder.Node Node(int id, string name, params string[] deps) =>
        new(new PlanChange(name, deps, name), deps, $"sql_actions row {id}");

    private static List<string> Order(params PlanOrder.Node[] nodes) => PlanOrder.Sort(nodes).Select(c => c.Name).ToList();

    [Fact]
    public void Rows_already_in_dependency_order_keep_their_order() =>
        Assert.Equal(["a", "b", "c", "d"], Order(Node(1, "a"), Node(2, "b", "a"), Node(3, "c"), Node(4, "d", "b", "c")));

    [Fact]
    public void A_change_moves_after_what_it_depends_on_and_ties_go_by_id() =>
        Assert.Equal(["c", "d", "a", "b", "e"], Order(Node(1, "b", "a"), Node(2, "c"), Node(3, "a", "d"), Node(4, "d"), Node(5, "e")));

    [Fact]
    public void The_order_is_the_same_whatever_order_the_dependencies_are_listed_in() =>
        Assert.Equal(Order(Node(1, "x", "z", "y"), Node(2, "y"), Node(3, "z")), Order(Node(1, "x", "y", "z"), Node(2, "y"), Node(3, "z")));

    [Fact]
    public void A_change_is_planned_as_soon_as_its_dependencies_are_and_only_a_waiting_one_is_held()
    {
        var planned = new List<string>();
        var order = new PlanOrder(
            (change, positions) =>
            {
                Assert.Equal(planned.Count, positions[change.Name]);
                planned.Add(change.Name);
            }
        );
        order.Add(Node(1, "a"));
        Assert.Equal(["a"], planned); // at once, before anything later arrives
        order.Add(Node(2, "c", "b"));
        Assert.Equal(["a"], planned); // waits for b
        order.Add(Node(3, "d", "a"));
        Assert.Equal(["a", "d"], planned);
        order.Add(Node(4, "b", "a"));
        Assert.Equal(["a", "d", "b", "c"], planned); // c right after what it waited for
        order.Complete();
        Assert.Equal(4, order.Count);
    }

    [Fact]
    public void A_dependency_on_a_change_the_package_does_not_hold_names_the_row_and_the_change()
    {
        var error = Assert.Throws<ExportException>(() => PlanOrder.Sort([Node(1, "a"), Node(7, "b", "ghost")], " (filtered)"));
        Assert.Equal("DependencyMissing", error.ErrorId);
        Assert.Contains("sql_actions row 7 ('b')", error.Message);
        Assert.Contains("'ghost'", error.Message);
        Assert.Contains("(filtered)", error.Message);
    }

    [Fact]
    public void A_self_dependency_is_refused_naming_the_row()
    {
        var error = Assert.Throws<ExportException>(() => Order(Node(1, "a"), Node(3, "b", "b")));
        Assert.Equal("DependencyOnItself", error.ErrorId);
        Assert.Contains("sql_actions row 3 ('b')", error.Message);
    }

    [Fact]
    public void A_cycle_is_refused_naming_every_row_on_it_and_no_other()
    {
        var error = Assert.Throws<ExportException>(() =>
            Order(Node(1, "root"), Node(2, "p", "q"), Node(3, "q", "r"), Node(4, "r", "p"), Node(5, "after", "p"))
        );
        Assert.Equal("DependencyCycle", error.ErrorId);
        Assert.Equal(ExportErrorKind.InvalidData, error.Kind);
        foreach (var row in new[] { "row 2 ('p')", "row 3 ('q')", "row 4 ('r')" })
            Assert.Contains(row, error.Message);
        Assert.DoesNotContain("after", error.Message);
        Assert.DoesNotContain("root", error.Message);
        Assert.Contains("p -> q -> r -> p", error.Message);
    }
}
