using QcdpBuilder.Files;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>
/// Resolves and checks the files a brand names (logo, font faces): relative to the file
/// that names them, inside the repository or that file's folder, present, and of a kind
/// our writers can embed.
/// </summary>
sealed class BrandFiles(string root, string dir, string file, DiagnosticBag diagnostics)
{
    /// <summary>Absolute path of an existing file, or null after an error.</summary>
    public string? Resolve(string? rel, SourceSpan at, string what)
    {
        if (string.IsNullOrWhiteSpace(rel)) return null;
        if (Uri.TryCreate(rel, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            diagnostics.Report(Rules.BrandFile, at, $"the {what} is a web address ({rel}); the build does not download files", $"save the file next to {file} and give its relative path");
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(dir, rel));
        if (!ContentLoader.IsInside(full, root) && !ContentLoader.IsInside(full, dir))
        {
            diagnostics.Report(Rules.OutsideRepository, at, $"the {what} points outside the repository ({rel})", $"keep brand files next to {file}");
            return null;
        }
        if (RegularFile.Problem(full) is { } notRegular)
        {
            diagnostics.Report(Rules.BrandFile, at, $"the {what} {notRegular} ({rel})", $"give the path of the file itself, kept next to {file}");
            return null;
        }
        if (!File.Exists(full))
        {
            diagnostics.Report(Rules.MissingFile, at, $"{what} not found: {rel}", $"paths are relative to {file}");
            return null;
        }
        return full;
    }

    public string? Logo(string? rel, SourceSpan at) =>
        Resolve(rel, at, "logo") is { } full && CheckLogo(full, rel!, at, diagnostics) ? full : null;

    /// <summary>
    /// A logo must be PNG or JPEG: the writers embed it as is, and neither Office nor our PDF
    /// engine can be relied on to render SVG, so an SVG gets an error with a way to convert it.
    /// </summary>
    public static bool CheckLogo(string full, string shown, SourceSpan at, DiagnosticBag diagnostics)
    {
        var head = new byte[8];
        int n;
        using (var s = File.OpenRead(full)) n = s.Read(head, 0, head.Length);
        var png = n >= 4 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
        var jpeg = n >= 2 && head[0] == 0xFF && head[1] == 0xD8;
        if (png || jpeg) return true;
        if (full.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            diagnostics.Report(Rules.ImageFile, at, $"the logo is an SVG ({shown}); slides, documents and PDFs need a PNG or JPEG logo",
                $"export it as a PNG at about 1200 pixels wide, e.g. rsvg-convert -w 1200 {Path.GetFileName(full)} -o {Path.ChangeExtension(Path.GetFileName(full), ".png")}, and point to the PNG");
        else
            diagnostics.Report(Rules.ImageFile, at, $"the logo is not a PNG or JPEG file ({shown})", "save the logo as a PNG (a wide image with a transparent background works best)");
        return false;
    }

    /// <summary>
    /// The TrueType faces of a <c>source: file</c> font: <c>files</c> lists paths, or
    /// <c>{ path, weight, style }</c> entries; weight 600 and above is bold.
    /// </summary>
    public FontFiles? Faces(YamlMap font)
    {
        string? regular = null, bold = null, italic = null, boldItalic = null;
        var failed = false;
        foreach (var (scalar, m, at) in font.ScalarOrMapList("files"))
        {
            var path = scalar; var where = at; var weight = 400; var isItalic = false;
            if (m is not null)
            {
                m.AllowOnly("path", "weight", "style");
                path = m.String("path", required: true);
                where = m.ValueSpan("path");
                weight = BrandYml.Weight(m.String("weight"));
                if (weight < 0) { diagnostics.Report(Rules.InvalidValue, m.ValueSpan("weight"), $"'{m.String("weight")}' is not a font weight", "write a number such as 400 or 700, or normal / bold"); weight = 400; }
                var style = m.String("style") ?? "normal";
                if (style is not ("normal" or "italic")) diagnostics.Report(Rules.InvalidValue, m.ValueSpan("style"), $"font style must be normal or italic, not '{style}'");
                isItalic = style == "italic";
            }
            else if (path is not null)
            {
                // A bare path: guess the face from the file name, as font files are usually named.
                var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
                weight = name.Contains("bold") ? 700 : 400;
                isItalic = name.Contains("italic") || name.Contains("oblique");
            }
            if (Resolve(path, where, "font file") is not { } full) { failed = true; continue; }
            if (!full.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase))
            {
                failed = true;
                diagnostics.Report(Rules.BrandFile, where, $"font file {path} is not TrueType (.ttf); the PDFs embed TrueType fonts only", "use the .ttf version of the font");
                continue;
            }
            var isBold = weight >= 600;
            if (isBold && isItalic) boldItalic ??= full;
            else if (isBold) bold ??= full;
            else if (isItalic) italic ??= full;
            else regular ??= full;
        }
        if (regular is null)
        {
            if (font.Has("files") && !failed)
                diagnostics.Report(Rules.BrandFile, font.KeySpan("files"), "the font's files have no regular (weight 400, normal style) face", "list the regular .ttf file first, or give it weight: 400");
            return null;
        }
        return new FontFiles(regular, bold ?? regular, italic ?? regular, boldItalic ?? bold ?? regular);
    }
}
