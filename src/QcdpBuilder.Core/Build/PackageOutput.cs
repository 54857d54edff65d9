using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Output;

namespace QcdpBuilder.Build;

/// <summary>
/// Writes a planned package into its output folder through <see cref="OutputFolder"/>: every artefact is
/// rendered into the staging folder on every core, and the package is committed only if all of them were made.
/// </summary>
public static class PackageOutput
{
    /// <summary>The request a build makes of its output folder.</summary>
    public static OutputRequest Request(BuildOptions options, string outDir, string what = "qcdp build") =>
        new(Path.GetFullPath(options.Root), outDir, OutputPolicy.Display(options.Root, outDir), "package", what) { Force = options.Force };

    /// <summary>The manifest of a package: the programme, the organisation and every file.</summary>
    public static Manifest ManifestOf(IReadOnlyList<ManifestEntry> entries, Programme p, Organisation org) =>
        new("package", [("programme", p.Title), ("version", p.Version), ("organisation", org.Name), ("profile", org.File)], entries);

    /// <summary>Writes every artefact; null (with the problems in <paramref name="diagnostics"/>) if any could not be made or the folder refused them.</summary>
    public static IReadOnlyList<ManifestEntry>? Write(OutputRequest request, IReadOnlyList<Artefact> artefacts, Programme p, Organisation org,
        DiagnosticBag diagnostics, Action<string>? progress)
    {
        using var folder = OutputFolder.Open(request, diagnostics, progress);
        if (folder is null) return null;
        var entries = new List<ManifestEntry>();
        var ordered = artefacts.OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
        try
        {
            foreach (var dir in ordered.Select(a => Path.GetDirectoryName(Path.Combine(folder.Staging, a.Path))!).Distinct()) Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(Rules.OutputFolder, new SourceSpan(request.Given, 1, 1), $"could not write to {request.Given}: {e.Message}", "check the folder can be written and the disk has space");
            return null;
        }
        // Rendered on every core; each file is written by the worker that made it, and the results come back
        // in path order, so the manifest (and every file) is the same however the work was scheduled.
        var diskFailures = new List<(string Path, string Message)>();
        foreach (var (a, _, sha, length, error) in ParallelRender.All(ordered, progress, write: (a, bytes, _) => File.WriteAllBytes(Path.Combine(folder.Staging, a.Path), bytes)))
        {
            if (error is IOException or UnauthorizedAccessException && sha is null && error.Message.Contains(folder.Staging, StringComparison.Ordinal))
            {
                // The disk, not the source: collected, and said once below, naming the output folder.
                diskFailures.Add((a.Path, error.Message.Replace(folder.Staging + Path.DirectorySeparatorChar, "")));
                continue;
            }
            if (error is not null || sha is null)
            {
                // A broken picture or font must not crash the build: report it against its source and go on.
                diagnostics.Report(Rules.WriteFailed, SourceSpan.StartOf(a.Source), $"could not write {a.Path}: {error?.Message}", "check the pictures and font files this source uses");
                continue;
            }
            entries.Add(new ManifestEntry(a.Path, a.Kind, a.Source, sha, length));
        }
        if (diskFailures.Count > 0)
            diagnostics.Report(Rules.OutputFolder, new SourceSpan(request.Given, 1, 1),
                $"could not write {(diskFailures.Count == 1 ? diskFailures[0].Path : $"{diskFailures.Count} files")} into {request.Given}: {diskFailures[0].Message}",
                "check the disk has space and the folder can be written; the previous package is kept");
        if (diagnostics.HasErrors) return null;
        return folder.Commit(ManifestOf(entries, p, org), entries.Select(e => e.Path).ToList(), diagnostics) ? entries : null;
    }
}
