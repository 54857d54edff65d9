using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace QcdpBuilder.Packaging;

/// <summary>
/// A readable XML part or fragment kept under <c>src/QcdpBuilder.Core/Assets/</c> (e.g. <c>Pptx/theme.xml</c>),
/// parsed into an <see cref="XDocument"/> whose slots are filled by typed setters.
/// A slot is an attribute value or a text node that is exactly <c>{name}</c>: <c>&lt;a:srgbClr val="{accent1}"/&gt;</c>,
/// <c>&lt;a:t&gt;{footer}&lt;/a:t&gt;</c>, or <c>{shapes}</c> alone between elements, where elements go.
/// Setters change the parsed tree (never the text of the asset), so values are escaped by the XML writer and
/// cannot add markup; every slot must be filled, or emptied explicitly, before the result is taken.
/// Comments and the whitespace between tags are dropped when the asset is read.
/// </summary>
public sealed class XmlAsset
{
    static readonly XmlReaderSettings Settings = new()
    {
        IgnoreComments = true,
        IgnoreWhitespace = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    readonly string _path;
    readonly XDocument _doc;
    readonly Dictionary<string, List<XObject>> _slots = new(StringComparer.Ordinal);
    bool _filling;

    XmlAsset(string path, XDocument doc)
    {
        _path = path;
        _doc = doc;
        FindSlots(doc.Root!);
    }

    /// <summary>Collects the slots under <paramref name="element"/>; walks the tree by hand (no iterators): every copy of a fragment does this.</summary>
    void FindSlots(XElement element)
    {
        for (var a = element.FirstAttribute; a is not null; a = a.NextAttribute)
            if (Slot(a.Value) is { } name) Add(name, a);
        for (var node = element.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement child) FindSlots(child);
            else if (node is XText t && Slot(t.Value) is { } name) Add(name, t);
        }
    }

    /// <summary>A fresh copy of the asset at <paramref name="relativePath"/> (under Assets/), to fill.</summary>
    public static XmlAsset Load(string relativePath)
    {
        using var reader = XmlReader.Create(new StringReader(Assets.Text(relativePath)), Settings);
        return new XmlAsset(relativePath, XDocument.Load(reader));
    }

    /// <summary>
    /// A fresh copy of this asset, before any slot of it is filled: copying the parsed tree is much cheaper than
    /// reading the asset again, for a fragment a writer uses many times (see <see cref="XmlAssets"/>).
    /// </summary>
    public XmlAsset Copy() => _filling
        ? throw new InvalidOperationException($"{_path}: copy the asset before filling it.")
        : new XmlAsset(_path, new XDocument(_doc));

    /// <summary>The names of the slots not filled yet, in no particular order.</summary>
    public IEnumerable<string> Unfilled => _slots.Keys;

    /// <summary>
    /// Sets an attribute or text slot to <paramref name="value"/> (characters XML cannot hold are dropped);
    /// null removes the attribute, or leaves the element empty.
    /// </summary>
    public XmlAsset Text(string slot, string? value)
    {
        foreach (var node in Take(slot))
        {
            switch (node)
            {
                case XAttribute a when value is null: a.Remove(); break;
                case XAttribute a: a.Value = OpcXml.Clean(value); break;
                case XText t when value is null: t.Remove(); break;
                case XText t: t.Value = OpcXml.Clean(value); break;
            }
        }
        return this;
    }

    /// <summary>Sets a slot to a whole number, written without separators in any culture.</summary>
    public XmlAsset Number(string slot, long value) => Text(slot, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sets a slot to a colour as hex digits (RRGGBB, or AARRGGBB where the format wants alpha), upper-cased.</summary>
    public XmlAsset Colour(string slot, string hex)
    {
        var digits = hex.TrimStart('#');
        if (digits.Length is not (6 or 8) || !digits.All(char.IsAsciiHexDigit))
            throw new ArgumentException($"'{hex}' is not a colour in hex digits (RRGGBB).", nameof(hex));
        return Text(slot, digits.ToUpperInvariant());
    }

    /// <summary>Puts <paramref name="elements"/> where the text slot stands between elements (none: the slot just goes).</summary>
    public XmlAsset Elements(string slot, IEnumerable<XElement?> elements)
    {
        var list = elements.OfType<XElement>().ToList();
        var first = true;
        foreach (var node in Take(slot))
        {
            if (node is not XText t) throw new InvalidOperationException($"Slot {{{slot}}} in {_path} is an attribute; elements go in a slot between elements.");
            // The same elements in a second place are copies (an XElement has one parent).
            t.ReplaceWith(first ? list : list.Select(e => new XElement(e)));
            first = false;
        }
        return this;
    }

    /// <summary>Puts one element (or, for null, nothing) where the slot stands.</summary>
    public XmlAsset Element(string slot, XElement? element) => Elements(slot, [element]);

    /// <summary>The filled document. Throws if a slot has not been filled, naming it.</summary>
    public XDocument Document
    {
        get
        {
            if (_slots.Count > 0)
                throw new InvalidOperationException($"{_path}: slot(s) {string.Join(", ", _slots.Keys.Order().Select(k => "{" + k + "}"))} not filled.");
            return _doc;
        }
    }

    /// <summary>
    /// The filled root element as a fragment to place in another part: without its namespace declarations,
    /// which the asset has only so it reads as XML on its own (the part it joins declares them).
    /// </summary>
    public XElement Fragment
    {
        get
        {
            var root = Document.Root!;
            root.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            root.Remove();
            return root;
        }
    }

    List<XObject> Take(string slot)
    {
        _filling = true;
        return _slots.Remove(slot, out var nodes) ? nodes : throw new InvalidOperationException($"{_path} has no slot {{{slot}}} (or it is filled already).");
    }

    void Add(string name, XObject node)
    {
        if (!_slots.TryGetValue(name, out var list)) _slots[name] = list = [];
        list.Add(node);
    }

    /// <summary>The slot name in <paramref name="value"/> (<c>{name}</c>, a lower-case letter then letters and digits, spaces around allowed), or null.</summary>
    static string? Slot(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Length < 3 || value[0] != '{' || value[^1] != '}' || !char.IsAsciiLetterLower(value[1])) return null;
        var name = value[1..^1];
        foreach (var c in name)
            if (!char.IsAsciiLetterOrDigit(c)) return null;
        return name.ToString();
    }
}

/// <summary>
/// The assets of one write (one deck, one document), each read once and copied for every use: a deck's slides
/// use the same few fragments hundreds of times. Belongs to the write that made it; not for sharing between threads.
/// </summary>
public sealed class XmlAssets(string folder)
{
    readonly Dictionary<string, XmlAsset> _read = new(StringComparer.Ordinal);

    /// <summary>A fresh copy of <c>Assets/{folder}/{path}</c> to fill.</summary>
    public XmlAsset this[string path]
    {
        get
        {
            if (!_read.TryGetValue(path, out var asset)) _read[path] = asset = XmlAsset.Load(folder.TrimEnd('/') + "/" + path);
            return asset.Copy();
        }
    }
}
