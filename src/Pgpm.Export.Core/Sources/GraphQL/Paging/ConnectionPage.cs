using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pgpm.Export.Sources.GraphQL.Binding;

namespace Pgpm.Export.Sources.GraphQL.Paging;

/// <summary>
/// One page of a Relay connection read from the answer's bytes in one pass (<see cref="Utf8JsonReader"/>), without a
/// tree: each node becomes its selected fields' <see cref="JsonToken"/>s, in the order of the columns asked for, which
/// the caller turns into values. The server sends a node's fields in the order of the selection (GraphQL's rule), so
/// each field is looked for where the previous one ended; any other order is read too. The tokens of all nodes lie in
/// one pooled array, given back by <see cref="Dispose"/>.
/// </summary>
internal sealed class ConnectionPage : IDisposable
{
    private readonly int _width;
    private JsonToken[] _tokens;
    private int _count;

    private ConnectionPage(int width)
    {
        _width = width;
        _tokens = ArrayPool<JsonToken>.Shared.Rent(Math.Max(1, width) * 256);
    }

    /// <summary>How many nodes the page has that are objects (others are skipped).</summary>
    public int Count => _count;

    /// <summary>A node's tokens, one per column asked for.</summary>
    public ReadOnlySpan<JsonToken> Node(int index) => _tokens.AsSpan(index * _width, _width);

    /// <summary>How many entries the list of nodes had, objects or not.</summary>
    public int Entries { get; private set; }

    /// <summary>The connection's <c>pageInfo</c> as a tree (it is small), or null.</summary>
    public JsonNode? PageInfo { get; private set; }

    /// <summary>False when data had no object under the connection's name (for a list, no list under its name).</summary>
    public bool Found { get; private set; }

    /// <summary>The answer's size in bytes, which page sizing uses.</summary>
    public long Bytes { get; private set; }

    /// <summary>
    /// Reads a whole answer: the page under <paramref name="connectionField"/> of its data; null when the answer is not
    /// plainly data (not a JSON object, trailing bytes, <c>errors</c> not empty, <c>data</c> missing, not an object or
    /// given twice), which the client then interprets in full.
    /// </summary>
    /// <param name="body">Valid UTF-8.</param>
    public static ConnectionPage? Read(byte[] body, string connectionField, NodeFields fields) =>
        Read(body, connectionField, false, fields);

    /// <summary>
    /// As <see cref="Read(byte[], string, NodeFields)"/> for a root field that returns a plain list of nodes, such as
    /// <c>exportSqlActions</c>: the nodes are the list under <paramref name="listField"/> of the data, with no page info.
    /// </summary>
    public static ConnectionPage? ReadList(byte[] body, string listField, NodeFields fields) => Read(body, listField, true, fields);

    private static ConnectionPage? Read(byte[] body, string field, bool list, NodeFields fields)
    {
        var page = new ConnectionPage(fields.Count);
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return page.Abandon();
            var data = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isData = reader.ValueTextEquals("data"u8);
                var isErrors = !isData && reader.ValueTextEquals("errors"u8);
                reader.Read();
                if (isData)
                {
                    if (data || reader.TokenType != JsonTokenType.StartObject)
                        return page.Abandon();
                    data = true;
                    page.ReadData(ref reader, body, field, list, fields);
                }
                else if (isErrors && reader.TokenType == JsonTokenType.StartArray)
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.EndArray)
                        return page.Abandon();
                }
                else
                {
                    reader.Skip();
                }
            }
            // Bytes after the object throw here, as they make a whole parse fail.
            if (!data || reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return page.Abandon();
            page.Bytes = body.Length;
            return page;
        }
        catch (JsonException)
        {
            return page.Abandon();
        }
    }

    private ConnectionPage? Abandon()
    {
        Dispose();
        return null;
    }

    private void ReadData(ref Utf8JsonReader reader, byte[] body, string field, bool list, NodeFields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isField = !Found && reader.ValueTextEquals(field);
            reader.Read();
            if (isField && !list && reader.TokenType == JsonTokenType.StartObject)
            {
                Found = true;
                ReadConnection(ref reader, body, fields);
            }
            else if (isField && list && reader.TokenType == JsonTokenType.StartArray)
            {
                Found = true;
                ReadNodes(ref reader, body, fields);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadConnection(ref Utf8JsonReader reader, byte[] body, NodeFields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isNodes = reader.ValueTextEquals("nodes"u8);
            var isPageInfo = !isNodes && reader.ValueTextEquals("pageInfo"u8);
            reader.Read();
            if (isNodes && reader.TokenType == JsonTokenType.StartArray)
            {
                ReadNodes(ref reader, body, fields);
            }
            else if (isPageInfo)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                PageInfo = JsonNode.Parse(body.AsSpan(start, (int)reader.BytesConsumed - start));
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadNodes(ref Utf8JsonReader reader, byte[] body, NodeFields fields)
    {
        var slots = fields.Identity ? null : new JsonToken[fields.Slots];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Entries++;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            if ((_count + 1) * _width > _tokens.Length)
                Grow();
            var node = _tokens.AsSpan(_count * _width, _width);
            if (slots is null)
            {
                node.Clear();
                ReadNode(ref reader, body, fields, node);
            }
            else
            {
                Array.Clear(slots);
                ReadNode(ref reader, body, fields, slots);
                for (var i = 0; i < node.Length; i++)
                    node[i] = slots[fields.SlotOf(i)];
            }
            _count++;
        }
    }

    private static void ReadNode(ref Utf8JsonReader reader, byte[] body, NodeFields fields, Span<JsonToken> slots)
    {
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var slot = -1;
            if (expected < slots.Length && reader.ValueTextEquals(fields.Name(expected)))
            {
                slot = expected;
            }
            else
            {
                for (var k = 0; k < slots.Length; k++)
                    if (reader.ValueTextEquals(fields.Name(k)))
                        slot = k;
            }
            reader.Read();
            if (slot < 0)
            {
                reader.Skip();
                continue;
            }
            expected = slot + 1;
            slots[slot] = JsonToken.At(ref reader, body, 0);
        }
    }

    private void Grow()
    {
        var larger = ArrayPool<JsonToken>.Shared.Rent(_tokens.Length * 2);
        _tokens.AsSpan(0, _count * _width).CopyTo(larger);
        Return();
        _tokens = larger;
    }

    private void Return()
    {
        // The tokens refer to the body: cleared, so that the pool does not keep answers alive.
        Array.Clear(_tokens, 0, Math.Min(_tokens.Length, (_count + 1) * _width));
        ArrayPool<JsonToken>.Shared.Return(_tokens);
    }

    public void Dispose()
    {
        if (_tokens.Length == 0)
            return;
        Return();
        _tokens = [];
        _count = 0;
    }
}
