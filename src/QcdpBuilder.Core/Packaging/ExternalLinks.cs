using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace QcdpBuilder.Packaging;

/// <summary>
/// The one rule for Office files an organisation gives us (reference decks, reference documents, workbooks):
/// nothing in them may point outside the file. An external relationship (TargetMode="External") is a hyperlink
/// to any address or a picture loaded from <c>file:///etc/passwd</c> or <c>\\server\share</c>, which can leak
/// Windows credentials or track whoever opens the file. We keep only what we write ourselves: every external
/// relationship of a template is dropped (with the markup that used it), and the profile gets a warning.
/// </summary>
public static class ExternalLinks
{
    static readonly XNamespace RelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    static readonly XNamespace OfficeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Elements that exist only to carry a link: dropped whole when their link goes (a click action with no target).</summary>
    static readonly HashSet<string> LinkElements = ["hlinkClick", "hlinkHover", "hlinkMouseOver", "hyperlink"];

    /// <summary>The external targets in an Office file (every <c>.rels</c> part read, whatever the format); empty if it cannot be read.</summary>
    public static IReadOnlyList<(string Part, string Target)> In(string path)
    {
        var found = new List<(string, string)>();
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                if (entry.Length > 16 << 20) continue; // not a real relationships part; the readers refuse the file anyway
                using var s = entry.Open();
                using var reader = XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                foreach (var r in XDocument.Load(reader).Root?.Elements(RelNs + "Relationship") ?? [])
                    if ((string?)r.Attribute("TargetMode") == "External")
                        found.Add((entry.FullName, (string?)r.Attribute("Target") ?? ""));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or UnauthorizedAccessException) { return []; }
        return found;
    }

    /// <summary>
    /// Removes every external relationship from <paramref name="package"/>, and the attributes (or link-only elements)
    /// in the parts' XML that referred to them, so the file stays valid. Returns how many were removed.
    /// </summary>
    public static int Drop(OpcPackage package)
    {
        var removed = package.RemoveRelationships(r => r.External);
        foreach (var group in removed.Where(x => x.Source is not null).GroupBy(x => x.Source!))
        {
            var ids = group.Select(x => x.Relationship.Id).ToHashSet(StringComparer.Ordinal);
            var part = group.Key;
            XDocument doc;
            try
            {
                using var reader = XmlReader.Create(new MemoryStream(part.Data), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                doc = XDocument.Load(reader);
            }
            catch (XmlException) { continue; } // not XML (the relationship was of a binary part): nothing refers to it by id
            var uses = doc.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.Namespace == OfficeRel && ids.Contains(a.Value)).ToList();
            if (uses.Count == 0) continue;
            foreach (var a in uses)
            {
                // A Word or Excel hyperlink wraps text: keep the text, lose the link. A click action is only a link: drop it.
                if (a.Parent is { Name.LocalName: "hyperlink" } wrapper) wrapper.ReplaceWith(wrapper.Nodes());
                else if (a.Parent is { } element && LinkElements.Contains(element.Name.LocalName)) element.Remove();
                else a.Remove();
            }
            var ms = new MemoryStream();
            using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) })) doc.Save(w);
            part.Data = ms.ToArray();
        }
        return removed.Count;
    }
}
