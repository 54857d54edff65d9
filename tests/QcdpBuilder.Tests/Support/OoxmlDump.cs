using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace QcdpBuilder.Tests.Support;

/// <summary>
/// A readable text dump of an OOXML package for golden files: each part's name, then
/// XML parts pretty-printed and binary parts as their length and a short hash.
/// </summary>
public static class OoxmlDump
{
    public static string Dump(byte[] package, Func<string, bool>? includePart = null)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var sb = new StringBuilder();
        foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (includePart is not null && !includePart(entry.FullName)) continue;
            using var s = entry.Open();
            var ms = new MemoryStream();
            s.CopyTo(ms);
            var bytes = ms.ToArray();
            sb.Append("=== ").Append(entry.FullName).Append('\n');
            if (entry.FullName.EndsWith(".xml") || entry.FullName.EndsWith(".rels"))
            {
                var xml = XDocument.Parse(Encoding.UTF8.GetString(bytes));
                sb.Append(xml.ToString()).Append('\n');
            }
            else
            {
                var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
                sb.Append($"[{bytes.Length} bytes, sha256 {hash}]\n");
            }
        }
        return sb.ToString();
    }
}
