using System.Globalization;
using System.Xml.Linq;
using QcdpBuilder.Decks;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Pptx.PptxXml;

namespace QcdpBuilder.Pptx;

/// <summary>A placeholder on a slide layout, with its position resolved through the master.</summary>
sealed record PlaceholderInfo(string Type, string? Idx, Rect Rect, double? Lvl1Size, bool NoBullets)
{
    public bool IsTitle => Type is "title" or "ctrTitle";
    /// <summary>Placeholders that take slide content (not titles, dates, footers or slide numbers).</summary>
    public bool IsContent => Type is "obj" or "body" or "pic" or "tbl" or "chart" or "dgm" or "media" or "clipArt";

    /// <summary>The <c>p:ph</c> element a slide shape uses to fill this placeholder.</summary>
    public XElement Ph() => PE("ph", At("type", Type == "obj" ? null : Type), At("idx", Idx));
}

/// <summary>A slide layout found in the reference deck by its name (<c>p:cSld/@name</c>).</summary>
sealed record LayoutInfo(string Name, OpcPart Part, IReadOnlyList<PlaceholderInfo> Placeholders);

/// <summary>
/// What the writer knows about the reference deck: slide size, the master's text sizes and
/// indents per level (for the text-fit estimate) and every layout with its placeholders.
/// </summary>
sealed class LayoutCatalogue
{
    public required long SlideWidth { get; init; }
    public required long SlideHeight { get; init; }
    public required double TitleSize { get; init; }
    /// <summary>Body text size per outline level (0-based), in points.</summary>
    public required double[] BodySizes { get; init; }
    /// <summary>Left margin of the text per outline level, in points.</summary>
    public required double[] BodyIndents { get; init; }
    public required IReadOnlyList<LayoutInfo> Layouts { get; init; }

    /// <summary>
    /// The layout for <paramref name="kind"/>: the template's name for it (<c>layout_names</c>)
    /// or ours, else the one used for "Title and Content", else the first.
    /// </summary>
    public LayoutInfo Find(SlideLayout kind, IReadOnlyDictionary<string, string>? names = null) =>
        Named(kind, names) ?? Named(SlideLayout.TitleAndContent, names) ?? Layouts[0];

    /// <summary>The layout for <paramref name="kind"/> by name only (mapped, then ours), or null.</summary>
    public LayoutInfo? Named(SlideLayout kind, IReadOnlyDictionary<string, string>? names)
    {
        var ours = SlideLayoutNames.Of(kind);
        return (names?.GetValueOrDefault(ours) is { } theirs ? FindByName(theirs) : null) ?? FindByName(ours);
    }

    public LayoutInfo? FindByName(string name) =>
        Layouts.FirstOrDefault(l => string.Equals(l.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Sizes for a placeholder: the master's body sizes, scaled when its layout sets its own first-level size.</summary>
    public double[] SizesFor(PlaceholderInfo? ph) =>
        ph?.Lvl1Size is { } s && BodySizes[0] > 0 ? BodySizes.Select(b => Math.Round(b * s / BodySizes[0], 1)).ToArray() : BodySizes;

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OpcPackage, LayoutCatalogue> Cached = new();

    /// <summary>
    /// The catalogue of a reference deck that is never changed (the writer changes a clone), read once:
    /// every deck of a build starts from the same reference, and its master and layouts are the same each time.
    /// </summary>
    public static LayoutCatalogue Of(OpcPackage reference, OpcPart pres) => Cached.GetValue(reference, _ => Read(reference, pres, Load(pres)));

    public static LayoutCatalogue Read(OpcPackage package, OpcPart pres, XDocument presXml)
    {
        var root = presXml.Root!;
        var size = root.Element(P + "sldSz");
        long width = Long(size?.Attribute("cx")) ?? 12192000, height = Long(size?.Attribute("cy")) ?? 6858000;

        var masters = Listed(package, pres, root.Element(P + "sldMasterIdLst")?.Elements(P + "sldMasterId"), Pml.SlideMasterRel);
        if (masters.Count == 0) throw new InvalidOperationException("The reference deck has no slide master.");

        var layouts = new List<LayoutInfo>();
        double[]? bodySizes = null, bodyIndents = null;
        double? titleSize = null;
        foreach (var master in masters)
        {
            var mx = Load(master).Root!;
            var masterPhs = Placeholders(mx, null);
            var styles = mx.Element(P + "txStyles");
            if (bodySizes is null)
            {
                var body = styles?.Element(P + "bodyStyle");
                bodySizes = Enumerable.Range(1, 9).Select(n => SizeOf(body?.Element(A + $"lvl{n}pPr")) ?? DefaultSize(n)).ToArray();
                bodyIndents = Enumerable.Range(1, 9).Select(n => Long(body?.Element(A + $"lvl{n}pPr")?.Attribute("marL")) is { } m ? new Emu(m).Points : 27.0 * n).ToArray();
                titleSize = SizeOf(styles?.Element(P + "titleStyle")?.Element(A + "lvl1pPr")) ?? 32;
            }
            var layoutIds = Listed(package, master, mx.Element(P + "sldLayoutIdLst")?.Elements(P + "sldLayoutId"), Pml.SlideLayoutRel);
            foreach (var layoutPart in layoutIds)
            {
                var lx = Load(layoutPart).Root!;
                var name = (string?)lx.Element(P + "cSld")?.Attribute("name") ?? "";
                layouts.Add(new LayoutInfo(name, layoutPart, Placeholders(lx, masterPhs).Select(p => p with
                {
                    Rect = p.Rect.Cx > 0 ? p.Rect : Inherit(p, masterPhs, width, height),
                }).ToList()));
            }
        }
        if (layouts.Count == 0) throw new InvalidOperationException("The reference deck has no slide layouts.");
        return new LayoutCatalogue
        {
            SlideWidth = width, SlideHeight = height, TitleSize = titleSize ?? 32,
            BodySizes = bodySizes!, BodyIndents = bodyIndents!, Layouts = layouts,
        };
    }

    /// <summary>
    /// The parts an id list names (r:id of each entry) through relationships of <paramref name="type"/>, in list order;
    /// if the list names none, every part related with that type.
    /// </summary>
    static List<OpcPart> Listed(OpcPackage package, OpcPart source, IEnumerable<XElement>? ids, string type)
    {
        var byId = new Dictionary<string, OpcRelationship>(StringComparer.Ordinal);
        foreach (var r in package.RelationshipsOf(source)) if (r.Type == type) byId.TryAdd(r.Id, r);
        var listed = (ids ?? []).Select(e => (string?)e.Attribute(R + "id"))
            .Select(id => id is not null && byId.TryGetValue(id, out var r) && r.PartName is not null ? package[r.PartName] : null)
            .OfType<OpcPart>().ToList();
        return listed.Count > 0 ? listed : package.Related(source, type).ToList();
    }

    static double DefaultSize(int level) => level switch { 1 => 24, 2 => 20, 3 => 18, _ => 16 };

    static double? SizeOf(XElement? pPr) =>
        pPr?.Element(A + "defRPr")?.Attribute("sz") is { } sz && int.TryParse(sz.Value, out var v) ? v / 100.0 : null;

    static long? Long(XAttribute? a) =>
        a is not null && long.TryParse(a.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    static List<PlaceholderInfo> Placeholders(XElement root, List<PlaceholderInfo>? master)
    {
        var list = new List<PlaceholderInfo>();
        var tree = root.Element(P + "cSld")?.Element(P + "spTree");
        if (tree is null) return list;
        foreach (var shape in tree.Descendants().Where(e => e.Name == P + "sp" || e.Name == P + "pic" || e.Name == P + "graphicFrame"))
        {
            var ph = shape.Elements().FirstOrDefault(e => e.Name.LocalName.StartsWith("nv"))?.Element(P + "nvPr")?.Element(P + "ph");
            if (ph is null) continue;
            var type = (string?)ph.Attribute("type") ?? "obj";
            var idx = (string?)ph.Attribute("idx");
            var xfrm = shape.Element(P + "spPr")?.Element(A + "xfrm") ?? shape.Element(P + "xfrm");
            var off = xfrm?.Element(A + "off");
            var ext = xfrm?.Element(A + "ext");
            var rect = off is null || ext is null ? default
                : new Rect(Long(off.Attribute("x")) ?? 0, Long(off.Attribute("y")) ?? 0, Long(ext.Attribute("cx")) ?? 0, Long(ext.Attribute("cy")) ?? 0);
            var lvl1 = shape.Element(P + "txBody")?.Element(A + "lstStyle")?.Element(A + "lvl1pPr");
            list.Add(new PlaceholderInfo(type, idx, rect, SizeOf(lvl1), lvl1?.Element(A + "buNone") is not null));
        }
        return list;
    }

    static string MasterType(string type) => type switch
    {
        "title" or "ctrTitle" => "title",
        "dt" or "ftr" or "sldNum" => type,
        _ => "body",
    };

    static Rect Inherit(PlaceholderInfo ph, List<PlaceholderInfo> master, long width, long height)
    {
        var type = MasterType(ph.Type);
        var fromMaster = master.FirstOrDefault(m => MasterType(m.Type) == type && m.Rect.Cx > 0);
        if (fromMaster is not null) return fromMaster.Rect;
        var margin = width / 20;
        return type == "title"
            ? new Rect(margin, height / 20, width - 2 * margin, height / 7)
            : new Rect(margin, height / 4, width - 2 * margin, height * 3 / 5);
    }
}
