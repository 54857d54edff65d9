using System.IO.Compression;
using System.Xml.Linq;
using static QcdpBuilder.Docx.Wml;

namespace QcdpBuilder.Docx;

/// <summary>
/// The styles part, with styles found by name (w:name) as pandoc does: the writer asks for
/// "heading 1" and gets whatever id the styles part gives it, so a reference document made
/// in any language or with its own ids works. Styles the reference lacks come from the
/// built-in set.
/// </summary>
internal sealed class StyleSheet
{
    public XDocument Xml { get; }
    /// <summary>The theme part taken from the reference document, if any.</summary>
    public byte[]? Theme { get; }
    readonly Dictionary<string, string> _idByName = new(StringComparer.OrdinalIgnoreCase);

    StyleSheet(XDocument xml, byte[]? theme)
    {
        Xml = xml;
        Theme = theme;
        foreach (var style in xml.Root!.Elements(W + "style"))
        {
            var name = style.Element(W + "name")?.Attribute(W + "val")?.Value;
            var id = style.Attribute(W + "styleId")?.Value;
            if (name is not null && id is not null) _idByName.TryAdd(name, id);
        }
    }

    /// <summary>The style id for a style name, e.g. "heading 1" → "Heading1".</summary>
    public string Id(string name) =>
        _idByName.TryGetValue(name, out var id) ? id : throw new InvalidOperationException($"The styles part has no style named '{name}'.");

    public static StyleSheet Load(XDocument builtIn, string? referenceDocxPath)
    {
        if (referenceDocxPath is null) return new StyleSheet(builtIn, null);
        var (styles, theme) = ReadReference(referenceDocxPath);
        Merge(styles, builtIn);
        return new StyleSheet(styles, theme);
    }

    internal static (XDocument Styles, byte[]? Theme) ReadReference(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Reference document '{path}' not found.", path);
        using var zip = ZipFile.OpenRead(path);
        var main = Target(zip, "_rels/.rels", "", "/officeDocument") ?? "word/document.xml";
        var folder = main.Contains('/') ? main[..(main.LastIndexOf('/') + 1)] : "";
        var mainRels = folder + "_rels/" + main[folder.Length..] + ".rels";
        var stylesName = Target(zip, mainRels, folder, "/styles") ?? folder + "styles.xml";
        var themeName = Target(zip, mainRels, folder, "/theme");
        var stylesEntry = zip.GetEntry(stylesName) ?? throw new InvalidDataException($"Reference document '{path}' has no styles part.");
        using var s = stylesEntry.Open();
        var styles = XDocument.Load(s);
        byte[]? theme = null;
        if (themeName is not null && zip.GetEntry(themeName) is { } themeEntry)
        {
            using var t = themeEntry.Open();
            var ms = new MemoryStream();
            t.CopyTo(ms);
            theme = ms.ToArray();
        }
        return (styles, theme);
    }

    /// <summary>Resolves the target of the first relationship whose type ends with <paramref name="typeSuffix"/>.</summary>
    static string? Target(ZipArchive zip, string relsName, string baseFolder, string typeSuffix)
    {
        if (zip.GetEntry(relsName) is not { } entry) return null;
        using var s = entry.Open();
        var rels = XDocument.Load(s);
        var target = rels.Root!.Elements().FirstOrDefault(r => ((string?)r.Attribute("Type") ?? "").EndsWith(typeSuffix, StringComparison.Ordinal))
            ?.Attribute("Target")?.Value;
        if (target is null) return null;
        return target.StartsWith('/') ? target[1..] : baseFolder + target;
    }

    /// <summary>Adds the built-in styles the reference lacks, re-pointing basedOn/next/link to the reference's ids.</summary>
    static void Merge(XDocument reference, XDocument builtIn)
    {
        var root = reference.Root!;
        string? NameOf(XElement s) => s.Element(W + "name")?.Attribute(W + "val")?.Value;
        var refIdByName = root.Elements(W + "style").Where(s => NameOf(s) is not null)
            .GroupBy(s => NameOf(s)!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Attribute(W + "styleId")!.Value, StringComparer.OrdinalIgnoreCase);
        var refIds = root.Elements(W + "style").Select(s => (string?)s.Attribute(W + "styleId")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var builtInNameById = builtIn.Root!.Elements(W + "style").ToDictionary(s => s.Attribute(W + "styleId")!.Value, s => NameOf(s)!);

        var missing = builtIn.Root.Elements(W + "style").Where(s => !refIdByName.ContainsKey(NameOf(s)!)).ToList();
        // Give each missing style an id that does not clash with the reference's.
        var newIds = new Dictionary<string, string>();
        foreach (var style in missing)
        {
            var id = style.Attribute(W + "styleId")!.Value;
            var unique = id;
            for (var n = 2; refIds.Contains(unique); n++) unique = id + n;
            refIds.Add(unique);
            newIds[id] = unique;
            refIdByName[NameOf(style)!] = unique;
        }
        foreach (var style in missing)
        {
            var copy = new XElement(style);
            copy.SetAttributeValue(W + "styleId", newIds[style.Attribute(W + "styleId")!.Value]);
            copy.SetAttributeValue(W + "default", null);
            foreach (var link in copy.Elements().Where(e => e.Name == W + "basedOn" || e.Name == W + "next" || e.Name == W + "link").ToList())
            {
                var target = link.Attribute(W + "val")!.Value;
                if (builtInNameById.TryGetValue(target, out var name) && refIdByName.TryGetValue(name, out var refId))
                    link.SetAttributeValue(W + "val", refId);
                else link.Remove();
            }
            root.Add(copy);
        }
    }
}
