namespace QcdpBuilder.Pdf.Tagging;

/// <summary>
/// Identifies one structure element of the tagged-PDF tree. Layout elements create one instance per logical
/// element and pass the same instance each time they draw part of it, so an element split over pages stays
/// a single structure element (important for screen readers and for reading order).
/// </summary>
public sealed class StructTag
{
    public StructTag(string role) { Role = role; }
    /// <summary>A standard structure type, see <see cref="StructRoles"/>.</summary>
    public string Role { get; }
    /// <summary>Alternative text (required for /Figure, recommended for /Formula).</summary>
    public string? Alt { get; init; }
    /// <summary>For /TH: "Column" or "Row" (written as a /Table attribute).</summary>
    public string? Scope { get; init; }
    /// <summary>Optional title (e.g. heading text) to help debugging tools.</summary>
    public string? Title { get; init; }
    public override string ToString() => Role;

    // Identity hash handed out at creation: the writer looks every tag up on every draw, and the runtime's
    // first-time identity hash for a new object is slow. Equality stays reference equality.
    private static int _count;
    private readonly int _hash = Interlocked.Increment(ref _count);
    public override int GetHashCode() => _hash;
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
}

/// <summary>Names of the standard PDF structure types the engine emits.</summary>
public static class StructRoles
{
    public const string Document = "Document", Part = "Part", Sect = "Sect", Div = "Div", P = "P";
    public const string H1 = "H1", H2 = "H2", H3 = "H3";
    public const string L = "L", LI = "LI", Lbl = "Lbl", LBody = "LBody";
    public const string Table = "Table", THead = "THead", TBody = "TBody", TR = "TR", TH = "TH", TD = "TD";
    public const string Figure = "Figure", Link = "Link", Form = "Form", Caption = "Caption", Span = "Span";
    public static string Heading(int level) => level switch { 1 => H1, 2 => H2, _ => H3 };
}
