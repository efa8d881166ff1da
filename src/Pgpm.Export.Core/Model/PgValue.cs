using System.Runtime.CompilerServices;
using Pgpm.Export.Sources.Sql;

namespace Pgpm.Export.Model;

/// <summary>
/// A column value in the canonical text form of the export format (see the spec's value rules):
/// numbers with PostgreSQL's exact digits, timestamps in UTC ISO 8601, jsonb compact, arrays as
/// PostgreSQL array literals, intervals in IntervalStyle postgres, bytea as <c>\x</c> hex.
/// <see cref="Text"/> is null for SQL NULL. Both sources normalise to this form, so the renderer
/// never guesses a type from a string.
/// </summary>
/// <remarks>
/// A value read over SQL whose PostgreSQL text already is the canonical form is kept as the bytes COPY sent
/// (UTF-8, COPY's escapes not yet decoded: <see cref="CopyField"/>), and one read over GraphQL as the bytes of its JSON
/// string or number when they are the value as it is, so the renderer copies it into the INSERT without a string ever
/// being made; <see cref="Text"/> decodes it on demand. Two values are equal when their
/// kinds and texts are, whichever form holds them.
/// </remarks>
public readonly struct PgValue : IEquatable<PgValue>
{
    // The text (a string), or the bytes a COPY row arrived in (a byte[]) with where the value lies in them: one
    // reference and two numbers, so that a row's array of values stays small.
    private readonly object? _source;
    private readonly int _start;
    private readonly int _length;
    private readonly CopyField.Escapes _escapes;

    public PgValue(PgTypeKind kind, string? text)
    {
        Kind = kind;
        _source = text;
    }

    private PgValue(PgTypeKind kind, byte[] bytes, int start, int length, CopyField.Escapes escapes)
    {
        Kind = kind;
        _source = bytes;
        _start = start;
        _length = length;
        // The flag says which form _source holds without a type check per value (one was visible in the 1M profile).
        _escapes = escapes | CopyField.Escapes.IsCopy;
    }

    private bool IsCopy => (_escapes & CopyField.Escapes.IsCopy) != 0;

    /// <summary>A value as COPY's text format sent it (never <c>\N</c>: NULL is <see cref="Null"/>).</summary>
    internal static PgValue FromCopy(PgTypeKind kind, CopyField copy) =>
        new(
            kind,
            copy.Bytes ?? throw new ArgumentException("No COPY text was given.", nameof(copy)),
            copy.Start,
            copy.Length,
            copy.EscapesFound
        );

    /// <summary>
    /// A value that is exactly these UTF-8 bytes, no escapes (a JSON string that had none, a JSON number): copied into
    /// the INSERT as it is, like a COPY value without escapes. The bytes must not change while the value lives.
    /// </summary>
    internal static PgValue FromUtf8(PgTypeKind kind, byte[] bytes, int start, int length) =>
        new(kind, bytes, start, length, CopyField.Escapes.None);

    public PgTypeKind Kind { get; }

    /// <summary>The canonical text, or null for SQL NULL; a value read as COPY bytes is decoded at each call.</summary>
    public string? Text => IsCopy ? CopyField.Decode() : Unsafe.As<string?>(_source);

    public bool IsNull => _source is null;

    /// <summary>The COPY bytes this value was read as, when it was (default otherwise).</summary>
    internal CopyField CopyField => IsCopy ? new CopyField(Unsafe.As<byte[]>(_source!), _start, _length, _escapes) : default;

    public static PgValue Null(PgTypeKind kind) => new(kind, (string?)null);

    public void Deconstruct(out PgTypeKind kind, out string? text)
    {
        kind = Kind;
        text = Text;
    }

    public bool Equals(PgValue other) => Kind == other.Kind && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is PgValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, Text is { } text ? StringComparer.Ordinal.GetHashCode(text) : 0);

    public static bool operator ==(PgValue left, PgValue right) => left.Equals(right);

    public static bool operator !=(PgValue left, PgValue right) => !left.Equals(right);

    public override string ToString() => Text ?? "NULL";
}
