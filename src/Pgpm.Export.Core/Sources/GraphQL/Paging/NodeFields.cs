using System.Text;
using Pgpm.Export.Sources.GraphQL.Binding;

namespace Pgpm.Export.Sources.GraphQL.Paging;

/// <summary>The field names a page's nodes are read by: one per selected column, names that repeat read once.</summary>
internal sealed class NodeFields
{
    private readonly byte[][] _names;
    private readonly int[] _slotOfColumn;

    public NodeFields(IReadOnlyList<GraphQLColumn> columns)
    {
        var names = new List<string>();
        _slotOfColumn = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var slot = names.IndexOf(columns[i].Field);
            if (slot < 0)
            {
                slot = names.Count;
                names.Add(columns[i].Field);
            }
            _slotOfColumn[i] = slot;
        }
        _names = names.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public int Count => _slotOfColumn.Length;

    internal int Slots => _names.Length;

    /// <summary>No name repeats, so a node's tokens by field are its tokens by column.</summary>
    internal bool Identity => _names.Length == _slotOfColumn.Length;

    internal byte[] Name(int slot) => _names[slot];

    internal int SlotOf(int column) => _slotOfColumn[column];
}
