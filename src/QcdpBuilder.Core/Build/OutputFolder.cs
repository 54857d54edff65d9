using System.Text.Json;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Build;

/// <summary>One line of <c>manifest.json</c>: a file written, its kind, its source and its SHA-256.</summary>
public sealed record ManifestEntry(string Path, string Kind, string Source, string Sha256, long Bytes);

/// <summary>
/// Writes a package into a temporary sibling folder and swaps it in only when every file is
/// written, so a failed build never leaves a half-written or emptied package behind.
/// </summary>
public static class OutputFolder
{
    /// <summary>Writes every artefact; returns null (with the problems in <paramref name="diagnostics"/>) if any could not be made.</summary>
    public static IReadOnlyList<ManifestEntry>? Replace(string outDir, IReadOnlyList<Artefact> artefacts, Programme p, Organisation org,
        DiagnosticBag diagnostics, Action<string>? progress)
    {
        var parent = Path.GetDirectoryName(outDir.TrimEnd(Path.DirectorySeparatorChar))!;
        Directory.CreateDirectory(parent);
        var temp = outDir.TrimEnd(Path.DirectorySeparatorChar) + ".tmp";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        try
        {
            var entries = new List<ManifestEntry>();
            var ordered = artefacts.OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
            foreach (var dir in ordered.Select(a => Path.GetDirectoryName(Path.Combine(temp, a.Path))!).Distinct()) Directory.CreateDirectory(dir);
            // Each file is written by the worker that rendered it; results come back in path order for the manifest.
            foreach (var (a, _, sha, length, error) in ParallelRender.All(ordered, progress, write: (a, bytes, _) => File.WriteAllBytes(Path.Combine(temp, a.Path), bytes)))
            {
                if (error is not null || sha is null)
                {
                    // A broken picture or font must not crash the build: report it against its source and go on.
                    diagnostics.Report(Rules.WriteFailed, SourceSpan.StartOf(a.Source), $"could not write {a.Path}: {error?.Message}", "check the pictures and font files this source uses");
                    continue;
                }
                entries.Add(new ManifestEntry(a.Path, a.Kind, a.Source, sha, length));
            }
            if (diagnostics.HasErrors)
            {
                Directory.Delete(temp, recursive: true);
                return null;
            }
            File.WriteAllBytes(Path.Combine(temp, "manifest.json"), Manifest(entries, p, org));

            var old = outDir.TrimEnd(Path.DirectorySeparatorChar) + ".old";
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
            if (Directory.Exists(outDir)) Directory.Move(outDir, old);
            Directory.Move(temp, outDir);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
            return entries;
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>manifest.json: the programme, the organisation, and every file with its kind, source, SHA-256 and size.</summary>
    internal static byte[] Manifest(IReadOnlyList<ManifestEntry> entries, Programme p, Organisation org)
    {
        var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("programme", p.Title);
            w.WriteString("version", p.Version);
            w.WriteString("organisation", org.Name);
            w.WriteString("profile", org.File);
            w.WriteStartArray("files");
            foreach (var e in entries)
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
}
