using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace QcdpBuilder.Packaging;

/// <summary>
/// A relationship from a part (or the package) to another part or an external address.
/// <see cref="Target"/> is the text of the .rels file; <see cref="PartName"/> the part it resolves to (null when external).
/// </summary>
public sealed record OpcRelationship(string Id, string Type, string Target, bool External, string? PartName);

/// <summary>One part of a package: its name (without the leading slash), content type and bytes.</summary>
public sealed class OpcPart(string name, string contentType, byte[] data)
{
    public string Name { get; } = name;
    public string ContentType { get; internal set; } = contentType;
    /// <summary>The part's bytes. Replace them to change the part; the array itself is shared between clones and never written to.</summary>
    public byte[] Data { get; set; } = data;
    internal List<OpcRelationship> Relationships { get; init; } = [];

    /// <summary>Replaces the part's bytes with <paramref name="xml"/>, written as every part we make is (see <see cref="OpcXml"/>).</summary>
    public void SetXml(XDocument xml) => Data = OpcXml.Bytes(xml);

    /// <summary>The part's XML, read without DTDs and with its whitespace.</summary>
    public XDocument LoadXml() => OpcXml.Load(Data);

    public override string ToString() => Name;
}

/// <summary>
/// A small Open Packaging Conventions package (the ZIP behind .pptx, .potx, .docx, .xlsx): parts with their
/// content types and relationships, read with System.IO.Compression and saved as a deterministic ZIP
/// (see <see cref="Save"/>). The one package layer of the PowerPoint, Word and Excel writers: it does what
/// they need from the Open XML SDK without its start-up cost: add a part, relate parts, delete parts with
/// those only they referenced.
/// </summary>
public sealed class OpcPackage
{
    public const string RelationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml";
    const string ContentTypesName = "[Content_Types].xml";
    static readonly XNamespace CtNs = "http://schemas.openxmlformats.org/package/2006/content-types";
    static readonly XNamespace RelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    /// <summary>A reference deck bigger than this unpacked is refused (a ZIP bomb, not a template).</summary>
    const long MaxUnpackedBytes = 512L * 1024 * 1024;

    readonly List<OpcPart> _parts = [];
    readonly Dictionary<string, OpcPart> _byName = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>How many parts have each file name (the name after the last slash), for <see cref="NewPartName"/>.</summary>
    readonly Dictionary<string, int> _fileNames = new(StringComparer.OrdinalIgnoreCase);
    readonly List<(string Extension, string ContentType)> _defaults = [];
    List<OpcRelationship> _packageRelationships = [];

    /// <summary>Parts in package order: as read, then as added.</summary>
    public IReadOnlyList<OpcPart> Parts => _parts;

    public OpcPart? this[string name] => _byName.GetValueOrDefault(name.TrimStart('/'));

    public static OpcPackage Open(string path) => Open(File.ReadAllBytes(path));

    /// <summary>Reads a package. A file that is not a ZIP, or lacks [Content_Types].xml, throws <see cref="InvalidDataException"/>.</summary>
    public static OpcPackage Open(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        var entries = new List<(string Name, byte[] Bytes)>();
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/')) continue; // a folder
            total += entry.Length;
            if (total > MaxUnpackedBytes) throw new InvalidDataException("it unpacks to more than 512 MB");
            using var s = entry.Open();
            var ms = new MemoryStream((int)entry.Length);
            s.CopyTo(ms);
            entries.Add((entry.FullName, ms.ToArray()));
        }
        var types = entries.FirstOrDefault(e => e.Name.Equals(ContentTypesName, StringComparison.OrdinalIgnoreCase)).Bytes
            ?? throw new InvalidDataException("it has no [Content_Types].xml, so it is not an Office file");

        var package = new OpcPackage();
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in Parse(types).Root!.Elements())
        {
            if (e.Name == CtNs + "Default" && (string?)e.Attribute("Extension") is { } ext && (string?)e.Attribute("ContentType") is { } dt)
                package._defaults.Add((ext.ToLowerInvariant(), dt));
            else if (e.Name == CtNs + "Override" && (string?)e.Attribute("PartName") is { } pn && (string?)e.Attribute("ContentType") is { } ot)
                overrides[pn.TrimStart('/')] = ot;
        }
        foreach (var (name, data) in entries)
        {
            if (name.Equals(ContentTypesName, StringComparison.OrdinalIgnoreCase) || IsRelationshipsPart(name)) continue;
            // A ZIP entry without a content type is not a part (System.IO.Packaging refuses those too); leave it out.
            var type = overrides.GetValueOrDefault(name) ?? package.DefaultFor(Extension(name));
            if (type is not null) package.Insert(new OpcPart(name, type, data));
        }
        foreach (var (name, data) in entries.Where(e => IsRelationshipsPart(e.Name)))
        {
            var source = SourceOf(name);
            if (source is null) continue;
            var list = source.Length == 0 ? package._packageRelationships : package[source]?.Relationships;
            if (list is null) continue; // relationships of a part that is not there
            foreach (var r in Parse(data).Root!.Elements(RelNs + "Relationship"))
            {
                var id = (string?)r.Attribute("Id");
                var type = (string?)r.Attribute("Type");
                var target = (string?)r.Attribute("Target");
                if (id is null || type is null || target is null) throw new InvalidDataException($"{name} has a relationship without an Id, Type or Target");
                var external = (string?)r.Attribute("TargetMode") == "External";
                list.Add(new OpcRelationship(id, type, target, external, external ? null : Resolve(source, target)));
            }
        }
        return package;
    }

    /// <summary>A copy to change; parts' bytes are shared until replaced.</summary>
    public OpcPackage Clone()
    {
        var copy = new OpcPackage { _packageRelationships = [.. _packageRelationships] };
        copy._defaults.AddRange(_defaults);
        foreach (var p in _parts) copy.Insert(new OpcPart(p.Name, p.ContentType, p.Data) { Relationships = [.. p.Relationships] });
        return copy;
    }

    /// <summary>
    /// Adds a part. The first part of an extension sets that extension's default content type
    /// (as System.IO.Packaging does); a part whose type differs from its default gets an override when saved.
    /// </summary>
    public OpcPart AddPart(string name, string contentType, byte[]? data = null)
    {
        name = name.TrimStart('/');
        if (_byName.ContainsKey(name)) throw new InvalidOperationException($"The package already has a part named /{name}.");
        var ext = Extension(name);
        if (DefaultFor(ext) is null && ext.Length > 0) _defaults.Add((ext, contentType));
        var part = new OpcPart(name, contentType, data ?? []);
        Insert(part);
        return part;
    }

    /// <summary>An XML part, written from <paramref name="xml"/>.</summary>
    public OpcPart AddPart(string name, string contentType, XDocument xml) => AddPart(name, contentType, OpcXml.Bytes(xml));

    public void SetContentType(OpcPart part, string contentType) => part.ContentType = contentType;

    /// <summary>
    /// Declares the content type of parts with <paramref name="extension"/> that have no override, before any such
    /// part is added (e.g. "xml" as application/xml, so each XML part names its own type); a known extension keeps its type.
    /// </summary>
    public void AddDefault(string extension, string contentType)
    {
        if (DefaultFor(extension) is null) _defaults.Add((extension.ToLowerInvariant(), contentType));
    }

    /// <summary>
    /// A free name <c>{folder}/{stem}{n}.{extension}</c>: the lowest n whose file name no part has, in any folder
    /// (so a second theme is theme2.xml wherever it lives). With <paramref name="unnumberedFirst"/>, <c>{stem}.{extension}</c> comes first.
    /// </summary>
    public string NewPartName(string folder, string stem, string extension, bool unnumberedFirst = false)
    {
        for (var n = 1; ; n++)
        {
            var file = unnumberedFirst && n == 1 ? $"{stem}.{extension}" : $"{stem}{n}.{extension}";
            if (!_fileNames.ContainsKey(file)) return $"{folder.Trim('/')}/{file}";
        }
    }

    /// <summary>The relationships of <paramref name="source"/> (null: the package's own), in the order they were added.</summary>
    public IReadOnlyList<OpcRelationship> RelationshipsOf(OpcPart? source) => source?.Relationships ?? _packageRelationships;

    /// <summary>The part that relationship <paramref name="id"/> of <paramref name="source"/> points to, or null.</summary>
    public OpcPart? Target(OpcPart? source, string id) =>
        RelationshipsOf(source).FirstOrDefault(r => r.Id == id) is { PartName: { } name } ? this[name] : null;

    /// <summary>The parts <paramref name="source"/> relates to with relationships of <paramref name="type"/>, in order.</summary>
    public IEnumerable<OpcPart> Related(OpcPart? source, string type) =>
        RelationshipsOf(source).Where(r => r.Type == type && r.PartName is not null).Select(r => this[r.PartName!]).OfType<OpcPart>();

    /// <summary><paramref name="wanted"/> if <paramref name="source"/> has no relationship with that id, else <c>{wanted}_2</c>, <c>_3</c>…</summary>
    public string FreeId(OpcPart? source, string wanted)
    {
        var used = RelationshipsOf(source).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var id = wanted;
        for (var n = 2; used.Contains(id); n++) id = $"{wanted}_{n}";
        return id;
    }

    /// <summary>Relates <paramref name="source"/> (null: the package) to <paramref name="target"/>; returns the id used (<paramref name="id"/> unless taken).</summary>
    public string Relate(OpcPart? source, OpcPart target, string type, string id)
    {
        if (!ReferenceEquals(this[target.Name], target)) throw new InvalidOperationException($"/{target.Name} is not a part of this package.");
        id = FreeId(source, id);
        Relations(source).Add(new OpcRelationship(id, type, "/" + target.Name, false, target.Name));
        return id;
    }

    /// <summary>
    /// Relates <paramref name="source"/> (null: the package) to <paramref name="target"/> with the next id, rId1, rId2…
    /// in the order added; relating the same part again with the same type gives the first relationship's id.
    /// </summary>
    public string Relate(OpcPart? source, OpcPart target, string type) =>
        RelationshipsOf(source).FirstOrDefault(r => r.Type == type && string.Equals(r.PartName, target.Name, StringComparison.OrdinalIgnoreCase)) is { } known
            ? known.Id
            : Relate(source, target, type, NextId(source));

    /// <summary>Relates <paramref name="source"/> to an address outside the package with the next id (the same address again: the same id).</summary>
    public string RelateExternal(OpcPart source, string type, string target) =>
        source.Relationships.FirstOrDefault(r => r.External && r.Type == type && r.Target == target) is { } known
            ? known.Id
            : RelateExternal(source, type, target, NextId(source));

    string NextId(OpcPart? source) => "rId" + (RelationshipsOf(source).Count + 1);

    /// <summary>Relates <paramref name="source"/> to an address outside the package (a hyperlink).</summary>
    public string RelateExternal(OpcPart source, string type, string target, string id)
    {
        id = FreeId(source, id);
        source.Relationships.Add(new OpcRelationship(id, type, target, true, null));
        return id;
    }

    /// <summary>Removes every relationship (of the package and of each part) that <paramref name="match"/> selects; returns them with their source part (null: the package).</summary>
    internal List<(OpcPart? Source, OpcRelationship Relationship)> RemoveRelationships(Func<OpcRelationship, bool> match)
    {
        var removed = _packageRelationships.Where(match).Select(r => ((OpcPart?)null, r)).ToList();
        _packageRelationships.RemoveAll(r => match(r));
        foreach (var p in _parts)
        {
            removed.AddRange(p.Relationships.Where(match).Select(r => ((OpcPart?)p, r)));
            p.Relationships.RemoveAll(r => match(r));
        }
        return removed;
    }

    /// <summary>
    /// Deletes <paramref name="parts"/>, every relationship to them, and the parts they led to that nothing
    /// else still reaches from the package (a slide's notes page, a picture only it showed), as the SDK's DeletePart does.
    /// </summary>
    public void Delete(IEnumerable<OpcPart> parts)
    {
        var doomed = parts.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (doomed.Count == 0) return;
        var candidates = Reachable(doomed);
        bool Dangling(OpcRelationship r) => r.PartName is not null && doomed.Contains(r.PartName);
        _packageRelationships.RemoveAll(Dangling);
        foreach (var p in _parts) p.Relationships.RemoveAll(Dangling);
        var live = Reachable(_packageRelationships.Where(r => r.PartName is not null).Select(r => r.PartName!));
        foreach (var name in candidates.Where(n => !live.Contains(n)))
            if (_byName.Remove(name, out var part))
            {
                _parts.Remove(part);
                var file = FileName(part.Name);
                if (--_fileNames[file] == 0) _fileNames.Remove(file);
            }
        foreach (var p in _parts) p.Relationships.RemoveAll(r => r.PartName is not null && !_byName.ContainsKey(r.PartName));
    }

    /// <summary>
    /// The package as a ZIP: [Content_Types].xml, the package relationships, then each part followed by its
    /// relationships, in package order; fixed time stamps, compressed once, no byte-order marks.
    /// </summary>
    public byte[] Save()
    {
        // Saving changes nothing: a shared reference deck may be saved (or cloned) from several threads.
        var defaults = DefaultFor("rels") is null ? [.. _defaults, ("rels", RelationshipsContentType)] : _defaults;
        var overrides = _parts.Where(p => DefaultFor(Extension(p.Name)) != p.ContentType).Select(p => ("/" + p.Name, p.ContentType));
        var entries = new List<(string, byte[])> { (ContentTypesName, ContentTypesXml(defaults, overrides)) };
        if (_packageRelationships.Count > 0) entries.Add(("_rels/.rels", RelationshipsXml(_packageRelationships)));
        foreach (var p in _parts)
        {
            entries.Add((p.Name, p.Data));
            if (p.Relationships.Count > 0) entries.Add((RelationshipsPartOf(p.Name), RelationshipsXml(p.Relationships)));
        }
        return DeterministicZip.Write(entries, stripByteOrderMarks: true);
    }

    /// <summary>[Content_Types].xml for the given defaults and overrides, in the order given.</summary>
    public static byte[] ContentTypesXml(IEnumerable<(string Extension, string ContentType)> defaults, IEnumerable<(string PartName, string ContentType)> overrides) =>
        Serialise(w =>
        {
            w.WriteStartElement("Types", CtNs.NamespaceName);
            foreach (var (ext, type) in defaults)
            {
                w.WriteStartElement("Default", CtNs.NamespaceName);
                w.WriteAttributeString("Extension", ext);
                w.WriteAttributeString("ContentType", type);
                w.WriteEndElement();
            }
            foreach (var (name, type) in overrides)
            {
                w.WriteStartElement("Override", CtNs.NamespaceName);
                w.WriteAttributeString("PartName", name);
                w.WriteAttributeString("ContentType", type);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });

    static byte[] RelationshipsXml(IEnumerable<OpcRelationship> relationships) => Serialise(w =>
    {
        w.WriteStartElement("Relationships", RelNs.NamespaceName);
        foreach (var r in relationships)
        {
            // Attributes in the order System.IO.Packaging wrote them, so earlier packages compare equal.
            w.WriteStartElement("Relationship", RelNs.NamespaceName);
            w.WriteAttributeString("Type", r.Type);
            w.WriteAttributeString("Target", r.Target);
            if (r.External) w.WriteAttributeString("TargetMode", "External");
            w.WriteAttributeString("Id", r.Id);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    });

    /// <summary>UTF-8 without a byte-order mark, unindented, with a standalone declaration.</summary>
    static byte[] Serialise(Action<XmlWriter> write)
    {
        var ms = new MemoryStream();
        using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            w.WriteStartDocument(standalone: true);
            write(w);
            w.WriteEndDocument();
        }
        return ms.ToArray();
    }

    static XDocument Parse(byte[] xml)
    {
        // No DTDs: a reference deck comes from an organisation, and entity expansion is a way to exhaust memory.
        using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader);
    }

    static string FileName(string partName) => partName[(partName.LastIndexOf('/') + 1)..];

    void Insert(OpcPart part)
    {
        _parts.Add(part);
        _byName[part.Name] = part;
        var file = FileName(part.Name);
        _fileNames[file] = _fileNames.GetValueOrDefault(file) + 1;
    }

    List<OpcRelationship> Relations(OpcPart? source) => source?.Relationships ?? _packageRelationships;

    string? DefaultFor(string extension) =>
        _defaults.FirstOrDefault(d => d.Extension.Equals(extension, StringComparison.OrdinalIgnoreCase)).ContentType;

    /// <summary>Every part reachable from <paramref name="start"/> through relationships, the start included.</summary>
    HashSet<string> Reachable(IEnumerable<string> start)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(start);
        while (queue.TryDequeue(out var name))
        {
            if (!seen.Add(name) || this[name] is not { } part) continue;
            foreach (var r in part.Relationships)
                if (r.PartName is { } next && !seen.Contains(next)) queue.Enqueue(next);
        }
        return seen;
    }

    static string Extension(string name)
    {
        var file = name[(name.LastIndexOf('/') + 1)..];
        var dot = file.LastIndexOf('.');
        return dot < 0 ? "" : file[(dot + 1)..].ToLowerInvariant();
    }

    static bool IsRelationshipsPart(string name) =>
        name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) && (name.StartsWith("_rels/", StringComparison.OrdinalIgnoreCase) || name.Contains("/_rels/", StringComparison.OrdinalIgnoreCase));

    /// <summary>The part whose relationships <paramref name="relsName"/> holds ("" for the package), or null if it is not a relationships part.</summary>
    static string? SourceOf(string relsName)
    {
        var slash = relsName.LastIndexOf("_rels/", StringComparison.OrdinalIgnoreCase);
        if (slash < 0) return null;
        var file = relsName[(slash + "_rels/".Length)..^".rels".Length];
        return relsName[..slash] + file;
    }

    static string RelationshipsPartOf(string partName)
    {
        var slash = partName.LastIndexOf('/');
        return slash < 0 ? "_rels/" + partName + ".rels" : partName[..slash] + "/_rels/" + partName[(slash + 1)..] + ".rels";
    }

    /// <summary>A relationship target, relative to its source's folder or absolute, as a part name.</summary>
    static string Resolve(string source, string target)
    {
        var hash = target.IndexOf('#');
        if (hash >= 0) target = target[..hash];
        var segments = new List<string>();
        if (!target.StartsWith('/'))
            segments.AddRange(source.Split('/')[..^1]);
        foreach (var s in target.Split('/'))
        {
            if (s is "" or ".") continue;
            if (s == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); }
            else segments.Add(s);
        }
        return string.Join('/', segments);
    }
}
