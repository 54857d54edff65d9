namespace QcdpBuilder.Pdf.Forms;

/// <summary>Kinds of interactive AcroForm fields the writer can create.</summary>
public enum FormFieldKind { Text, MultilineText, Checkbox, Date }

/// <summary>
/// Describes one interactive form field. The writer gives every field an appearance stream so it prints and
/// displays without relying on viewer regeneration, and a /TU tooltip which screen readers announce.
/// </summary>
public sealed record FormFieldSpec
{
    /// <summary>Field name; made unique by the writer if repeated (a suffix is added).</summary>
    public required string Name { get; init; }
    /// <summary>Accessible description (/TU). For dates, the format is appended automatically.</summary>
    public required string Tooltip { get; init; }
    public FormFieldKind Kind { get; init; } = FormFieldKind.Text;
    /// <summary>Font size used by viewers when the user types (0 = auto).</summary>
    public double FontSize { get; init; } = 10;
    /// <summary>Date format for <see cref="FormFieldKind.Date"/> (Acrobat AFDate syntax).</summary>
    public string DateFormat { get; init; } = "dd/mm/yyyy";
    public bool Checked { get; init; }
}
