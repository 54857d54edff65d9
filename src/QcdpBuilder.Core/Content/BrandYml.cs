using System.Globalization;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>A brand colour and where it was set, so warnings about it point at the line.</summary>
public readonly record struct BrandColour(string Hex, SourceSpan At);

/// <summary>
/// What a Quarto/posit <c>_brand.yml</c> contributes to an organisation's brand: colours
/// (mapped onto ours), heading and body font names, the body family's TrueType files and a
/// logo. Paths are absolute. The profile's own keys override every value here.
/// </summary>
public sealed record BrandYml(
    IReadOnlyDictionary<string, BrandColour> Colours,
    string? HeadingFont,
    string? BodyFont,
    FontFiles? Fonts,
    string? LogoPath)
{
    /// <summary>Our colour key ← the brand.yml theme colour that fills it.</summary>
    public static readonly (string Ours, string Theirs)[] ColourMap =
    [
        ("primary", "primary"), ("secondary", "secondary"), ("accent", "tertiary"),
        ("text", "foreground"), ("background", "background"), ("tint", "light"),
    ];

    static readonly string[] ThemeColours =
        ["palette", "foreground", "background", "primary", "secondary", "tertiary", "success", "info", "warning", "danger", "light", "dark"];

    /// <summary>
    /// Reads a _brand.yml. Every problem (unknown key, bad colour, missing or unusable file) is
    /// reported against the file; what could be read is still returned.
    /// </summary>
    public static BrandYml? Read(string path, string root, DiagnosticBag diagnostics)
    {
        var rel = Path.GetRelativePath(root, path).Replace('\\', '/');
        var map = YamlMap.Load(File.ReadAllText(path), rel, diagnostics);
        if (map is null) return null;
        map.AllowOnly("meta", "logo", "color", "typography", "defaults");
        var dir = Path.GetDirectoryName(path)!;
        var files = new BrandFiles(root, dir, rel, diagnostics);

        var colours = new Dictionary<string, BrandColour>();
        if (map.Map("color") is { } color)
        {
            color.AllowOnly(ThemeColours);
            var palette = color.Map("palette");
            foreach (var (ours, theirs) in ColourMap)
                if (color.Has(theirs) && Resolve(color, palette, theirs, diagnostics) is { } hex)
                    colours[ours] = new BrandColour(hex, color.ValueSpan(theirs));
            // Report bad palette entries even when no theme colour uses them.
            if (palette is not null)
                foreach (var (name, _) in palette.Keys) Resolve(color, palette, name, diagnostics, fromPalette: true);
        }

        string? heading = null, body = null;
        FontFiles? fonts = null;
        if (map.Map("typography") is { } t)
        {
            t.AllowOnly("fonts", "base", "headings", "monospace", "monospace-inline", "monospace-block", "link");
            body = Family(t, "base");
            heading = Family(t, "headings") ?? body;
            var declared = new List<(string Family, FontFiles? Files)>();
            foreach (var font in t.MapList("fonts"))
            {
                font.AllowOnly("family", "source", "files", "weight", "style", "display");
                var family = font.String("family", required: true) ?? "";
                var source = font.String("source") ?? "google";
                if (source is not ("file" or "system" or "google" or "bunny"))
                    diagnostics.Report(Rules.InvalidValue, font.ValueSpan("source"), $"font source must be file, system, google or bunny, not '{source}'");
                declared.Add((family, source == "file" ? files.Faces(font) : null));
            }
            // The PDFs embed one family's files: the body's, else the first family with files.
            fonts = declared.FirstOrDefault(d => d.Files is not null && string.Equals(d.Family, body, StringComparison.OrdinalIgnoreCase)).Files
                ?? declared.FirstOrDefault(d => d.Files is not null).Files;
            body ??= declared.FirstOrDefault(d => d.Files is not null).Family;
            heading ??= body;
        }

        string? logo = null;
        if (map.Has("logo")) logo = Logo(map, files);

        return new BrandYml(colours, heading, body, fonts, logo);
    }

    /// <summary>A typography element's family: <c>base: Open Sans</c> or <c>base: { family: Open Sans, … }</c>.</summary>
    static string? Family(YamlMap t, string key)
    {
        var (scalar, m, _) = t.ScalarOrMap(key);
        if (m is null) return string.IsNullOrWhiteSpace(scalar) ? null : scalar;
        m.AllowOnly("family", "size", "weight", "style", "line-height", "color", "background-color");
        return m.String("family");
    }

    /// <summary>
    /// A colour value: a hex colour, a palette name, or another theme colour's name (which
    /// may itself name a palette colour). Returns six hex digits with '#', or null after an error.
    /// </summary>
    static string? Resolve(YamlMap color, YamlMap? palette, string key, DiagnosticBag diagnostics, bool fromPalette = false)
    {
        var at = fromPalette ? palette!.ValueSpan(key) : color.ValueSpan(key);
        var value = (fromPalette ? palette!.String(key) : color.String(key))?.Trim();
        var seen = new List<string> { key };
        // A bad palette entry is reported once, where it is, however many colours refer to it.
        void Report(SourceSpan where, string message, string hint)
        {
            if (!diagnostics.Items.Any(d => d.File == where.File && d.Line == where.Line && d.Column == where.Column && d.Message == message))
                diagnostics.Report(Rules.InvalidValue, where, message, hint);
        }
        for (var depth = 0; value is not null; depth++)
        {
            if (value.StartsWith('#'))
            {
                try { return HexColour.Normalise(value); }
                catch (FormatException)
                {
                    Report(at, $"'{value}' is not a colour", "write a hex colour such as \"#0F6E75\" (quoted: '#' starts a YAML comment), or the name of a palette colour");
                    return null;
                }
            }
            if (Named.TryGetValue(value, out var named) && palette?.Has(value) != true) return named;
            if (seen.Contains(value) || depth > 10)
            {
                Report(at, $"colour '{key}' refers to itself through {string.Join(" → ", seen.Append(value))}", "give one of them a hex value");
                return null;
            }
            seen.Add(value);
            if (palette?.Has(value) == true) { at = palette.ValueSpan(value); value = palette.String(value)?.Trim(); }
            else if (value != "palette" && ThemeColours.Contains(value) && color.Has(value)) { at = color.ValueSpan(value); value = color.String(value)?.Trim(); }
            else
            {
                var names = palette?.Keys.Select(k => k.Key).ToList() ?? [];
                var near = Suggest.Nearest(value, names);
                Report(at, $"'{value}' is neither a hex colour nor a colour in color.palette",
                    near is not null ? $"did you mean '{near}'?" : names.Count > 0 ? $"palette colours: {string.Join(", ", names)}" : "write a hex colour such as \"#0F6E75\" or add it to color.palette");
                return null;
            }
        }
        return null;
    }

    /// <summary>The few CSS colour names brand files commonly use for black and white.</summary>
    static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["white"] = "#FFFFFF", ["black"] = "#000000",
    };

    /// <summary>
    /// The logo: <c>logo: path</c>, or <c>logo: { images: {name: path}, small, medium, large }</c>
    /// where each size is an image name, a path, or <c>{ path, alt }</c> / <c>{ light, dark }</c>.
    /// Slides and documents want a wide logo, so medium is preferred, then large, then small.
    /// </summary>
    static string? Logo(YamlMap map, BrandFiles files)
    {
        var (scalar, logo, at) = map.ScalarOrMap("logo");
        if (logo is null) return scalar is null ? null : files.Logo(scalar, at);
        logo.AllowOnly("images", "small", "medium", "large");
        var images = logo.Map("images");
        foreach (var size in new[] { "medium", "large", "small" })
        {
            if (!logo.Has(size)) continue;
            var (s, m, where) = logo.ScalarOrMap(size);
            string? Ref(string? value, SourceSpan pos)
            {
                if (value is null) return null;
                if (images?.Has(value) == true)
                {
                    var (path, pm, ipos) = images.ScalarOrMap(value);
                    if (pm is not null) { pm.AllowOnly("path", "alt"); return files.Logo(pm.String("path", required: true), pm.ValueSpan("path")); }
                    return files.Logo(path, ipos);
                }
                return files.Logo(value, pos);
            }
            if (m is null) return Ref(s, where);
            m.AllowOnly("path", "alt", "light", "dark");
            if (m.Has("path")) return Ref(m.String("path"), m.ValueSpan("path"));
            // Light and dark variants: our pages are light, so the light-background version.
            var variant = m.Has("light") ? "light" : "dark";
            var (vs, vm, vat) = m.ScalarOrMap(variant);
            if (vm is not null) { vm.AllowOnly("path", "alt"); return Ref(vm.String("path", required: true), vm.ValueSpan("path")); }
            return Ref(vs, vat);
        }
        return null;
    }

    internal static int Weight(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "normal" or "regular" => 400,
        "thin" => 100, "extra-light" or "ultra-light" => 200, "light" => 300, "medium" => 500,
        "semi-bold" or "demi-bold" => 600, "bold" => 700, "extra-bold" or "ultra-bold" => 800, "black" or "heavy" => 900,
        var n when int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) => w,
        _ => -1,
    };
}
