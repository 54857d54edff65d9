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
        Recover(outDir);
        var temp = Fresh(outDir);
        try
        {
            var entries = WriteAll(temp, artefacts, diagnostics, progress);
            if (entries is null) return null;
            File.WriteAllBytes(Path.Combine(temp, "manifest.json"), Manifest(entries, p, org));

            // Session packs (qcdp pack) are made separately; a build keeps them rather than silently deleting them.
            var packs = Path.Combine(outDir, "packs");
            if (Directory.Exists(packs) && !Directory.Exists(Path.Combine(temp, "packs"))) Directory.Move(packs, Path.Combine(temp, "packs"));

            Swap(temp, outDir);
            return entries;
        }
        catch
        {
            // Put kept packs back before the temporary folder goes.
            var keptPacks = Path.Combine(temp, "packs");
            if (Directory.Exists(keptPacks) && Directory.Exists(outDir) && !Directory.Exists(Path.Combine(outDir, "packs")))
                Directory.Move(keptPacks, Path.Combine(outDir, "packs"));
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>The folder a build writes into before it is swapped in.</summary>
    public static string TempOf(string outDir) => outDir.TrimEnd(Path.DirectorySeparatorChar) + ".tmp";

    /// <summary>Where the previous package waits during the swap.</summary>
    public static string OldOf(string outDir) => outDir.TrimEnd(Path.DirectorySeparatorChar) + ".old";

    /// <summary>
    /// Tidies up after a build that was killed: a half-written temporary folder is deleted, and
    /// if the kill came between the two renames of the swap (the previous package moved aside,
    /// the new one not yet in place) the previous package is put back.
    /// </summary>
    public static void Recover(string outDir)
    {
        var old = OldOf(outDir);
        if (Directory.Exists(old))
        {
            if (!Directory.Exists(outDir)) Directory.Move(old, outDir);
            else Directory.Delete(old, recursive: true);
        }
        var temp = TempOf(outDir);
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
    }

    static string Fresh(string dir)
    {
        var parent = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar))!;
        Directory.CreateDirectory(parent);
        var temp = dir.TrimEnd(Path.DirectorySeparatorChar) + ".tmp";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        return temp;
    }

    /// <summary>Renders every artefact into <paramref name="temp"/>; null (and the folder removed) if any failed.</summary>
    static List<ManifestEntry>? WriteAll(string temp, IEnumerable<Artefact> artefacts, DiagnosticBag diagnostics, Action<string>? progress)
    {
        var entries = new List<ManifestEntry>();
        var ordered = artefacts.OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
        foreach (var dir in ordered.Select(a => Path.GetDirectoryName(Path.Combine(temp, a.Path))!).Distinct()) Directory.CreateDirectory(dir);
        // Rendered on every core; each file is written by the worker that made it, and the results come back
        // in path order, so the manifest (and every file) is the same however the work was scheduled.
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
        if (!diagnostics.HasErrors) return entries;
        Directory.Delete(temp, recursive: true);
        return null;
    }

    /// <summary>Moves the finished folder into place; the old one is removed only once the new one is there.</summary>
    static void Swap(string temp, string dir)
    {
        var old = dir.TrimEnd(Path.DirectorySeparatorChar) + ".old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(dir)) Directory.Move(dir, old);
        Directory.Move(temp, dir);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
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
