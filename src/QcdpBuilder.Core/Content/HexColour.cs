using System.Globalization;

namespace QcdpBuilder.Content;

/// <summary>
/// Colours as profiles and brand.yml files write them: <c>#RRGGBB</c>, <c>RRGGBB</c> or the CSS shorthand
/// <c>#RGB</c>. Checked when the profile is read, so a bad colour is an error on its line; the brand turns the
/// normalised text into a colour.
/// </summary>
public static class HexColour
{
    /// <summary><c>#RRGGBB</c> in upper case, or a FormatException whose message says how to write a colour.</summary>
    public static string Normalise(string text)
    {
        var s = text.Trim().TrimStart('#');
        // #RGB is shorthand for #RRGGBB (as in CSS and brand.yml).
        if (s.Length == 3 && text.Trim().StartsWith('#')) s = string.Concat(s.Select(c => $"{c}{c}"));
        if (s.Length != 6 || !int.TryParse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
            throw new FormatException($"'{text}' is not a colour; write six hex digits such as \"#005EB8\".");
        return "#" + v.ToString("X6", CultureInfo.InvariantCulture);
    }
}
