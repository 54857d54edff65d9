using System.Text;
using System.Xml.Linq;

namespace QcdpBuilder.Docx;

/// <summary>The relationships of one part, numbered in the order they are added.</summary>
internal sealed class PartRelationships
{
    public const string OfficeDoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    readonly List<(string Id, string Type, string Target, bool External)> _items = [];
    readonly Dictionary<(string, string), string> _byTarget = [];

    /// <summary>Adds (or reuses) a relationship and returns its id.</summary>
    public string Add(string type, string target, bool external = false)
    {
        var fullType = type.Contains("://") ? type : OfficeDoc + type;
        if (_byTarget.TryGetValue((fullType, target), out var existing)) return existing;
        var id = "rId" + (_items.Count + 1);
        _items.Add((id, fullType, target, external));
        _byTarget[(fullType, target)] = id;
        return id;
    }

    public bool IsEmpty => _items.Count == 0;

    public XDocument ToXml()
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/relationships";
        return new XDocument(new XDeclaration("1.0", "UTF-8", "yes"),
            new XElement(ns + "Relationships",
                _items.Select(i => new XElement(ns + "Relationship",
                    new XAttribute("Id", i.Id), new XAttribute("Type", i.Type), new XAttribute("Target", i.Target),
                    i.External ? new XAttribute("TargetMode", "External") : null))));
    }
}

/// <summary>Collects the parts of a package and writes them as a deterministic ZIP: [Content_Types].xml first, parts in the order added, fixed time stamps.</summary>
internal sealed class DocxPackage
{
    readonly List<(string Name, byte[] Bytes)> _parts = [];
    readonly SortedDictionary<string, string> _overrides = new(StringComparer.Ordinal);
    readonly SortedDictionary<string, string> _defaults = new(StringComparer.Ordinal)
    {
        ["rels"] = "application/vnd.openxmlformats-package.relationships+xml",
        ["xml"] = "application/xml",
    };

    public void Add(string name, XDocument xml, string? contentType) => Add(name, Serialise(xml), contentType);

    /// <summary>UTF-8 without a byte-order mark, unindented, with a standalone declaration.</summary>
    static byte[] Serialise(XDocument xml)
    {
        var settings = new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        var ms = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(ms, settings))
        {
            xml.Declaration ??= new XDeclaration("1.0", "UTF-8", "yes");
            xml.Save(writer);
        }
        return ms.ToArray();
    }

    public void Add(string name, byte[] bytes, string? contentType)
    {
        _parts.Add((name, bytes));
        if (contentType is not null) _overrides["/" + name] = contentType;
    }

    public void AddDefault(string extension, string contentType) => _defaults[extension] = contentType;

    public void AddRelationships(string partName, PartRelationships rels)
    {
        if (rels.IsEmpty) return;
        var slash = partName.LastIndexOf('/');
        var relsName = slash < 0 ? "_rels/" + partName + ".rels" : partName[..slash] + "/_rels/" + partName[(slash + 1)..] + ".rels";
        Add(relsName, rels.ToXml(), null);
    }

    public byte[] ToBytes()
    {
        var types = Packaging.OpcPackage.ContentTypesXml(_defaults.Select(d => (d.Key, d.Value)), _overrides.Select(o => (o.Key, o.Value)));
        return Packaging.DeterministicZip.Write(_parts.Prepend(("[Content_Types].xml", types)));
    }
}
