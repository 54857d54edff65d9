using System.Text.Json;

namespace QcdpBuilder.Output;

/// <summary>One line of <c>manifest.json</c>: a file written, its kind, its source and its SHA-256.</summary>
public sealed record ManifestEntry(string Path, string Kind, string Source, string Sha256, long Bytes);

/// <summary>
/// <c>manifest.json</c>: what a qcdp command wrote into an output folder. It is how qcdp recognises a folder as
/// its own and the only list of files it will ever replace or remove there (everything else is the user's).
/// </summary>
public sealed record Manifest(string Product, IReadOnlyList<(string Key, string Value)> Header, IReadOnlyList<ManifestEntry> Files)
{
    public const string FileName = "manifest.json";

    /// <summary>The bytes of the manifest: the header, then every file in path order.</summary>
    public byte[] ToBytes()
    {
        var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var (key, value) in Header) w.WriteString(key, value);
            w.WriteString("product", Product);
            w.WriteStartArray("files");
            foreach (var e in Files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("path", e.Path);
                w.WriteString("kind", e.Kind);
                w.WriteString("source", e.Source);
                w.WriteString("sha256", e.Sha256);
                w.WriteNumber("bytes", e.Bytes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    /// <summary>
    /// The manifest in <paramref name="dir"/>, or null when there is none or it is not one of ours (not JSON, no
    /// file list, a path that leaves the folder). Manifests written before products were named are packages.
    /// </summary>
    public static Manifest? Read(string dir)
    {
        var path = System.IO.Path.Combine(dir, FileName);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > 16 * 1024 * 1024 || info.LinkTarget is not null) return null;
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            var rootElement = json.RootElement;
            if (rootElement.ValueKind != JsonValueKind.Object || !rootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array) return null;
            var product = rootElement.TryGetProperty("product", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "package";
            var header = new List<(string, string)>();
            foreach (var prop in rootElement.EnumerateObject())
                if (prop.Value.ValueKind == JsonValueKind.String && prop.Name != "product") header.Add((prop.Name, prop.Value.GetString()!));
            var entries = new List<ManifestEntry>();
            foreach (var f in files.EnumerateArray())
            {
                if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("path", out var pathValue) || pathValue.GetString() is not { } rel) return null;
                if (!IsSafeRelative(rel)) return null;
                string Text(string name) => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
                var bytes = f.TryGetProperty("bytes", out var b) && b.TryGetInt64(out var n) ? n : -1;
                entries.Add(new ManifestEntry(rel, Text("kind"), Text("source"), Text("sha256"), bytes));
            }
            return new Manifest(product, header, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException) { return null; }
    }

    /// <summary>A path inside the folder: relative, forward slashes, no <c>..</c>, not our own bookkeeping folder.</summary>
    public static bool IsSafeRelative(string rel) =>
        rel.Length > 0 && !rel.StartsWith('/') && !rel.Contains('\\') && !rel.Contains(':') && !rel.Contains('\0')
        && rel.Split('/').All(part => part is not ("" or "." or "..")) && !rel.StartsWith(OutputFolder.StateFolder + "/", StringComparison.Ordinal);
}
