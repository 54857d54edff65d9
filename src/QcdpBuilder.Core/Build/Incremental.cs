using System.Diagnostics;
using QcdpBuilder.Diagnostics;

using QcdpBuilder.Output;

namespace QcdpBuilder.Build;

/// <summary>What one incremental rebuild did, for the user: what was re-rendered, what changed on disk, how long it took.</summary>
public sealed record RebuildResult(
    DiagnosticBag Diagnostics,
    IReadOnlyList<string> Rendered,
    IReadOnlyList<string> Written,
    IReadOnlyList<string> Removed,
    bool Everything,
    TimeSpan Elapsed)
{
    public bool Failed => Diagnostics.HasErrors;
    /// <summary>Of <see cref="Elapsed"/>, the time spent planning (loading, checking and parsing all the content again).</summary>
    public TimeSpan Planning { get; init; }
}

/// <summary>
/// Keeps a package up to date after edits: the last plan and manifest are kept, and for a set of changed files
/// only the artefacts made from them (<see cref="Artefact.Inputs"/>) are rendered again. A change to a file no
/// artefact claims (programme.yaml, the profile, the logo, a font) re-renders everything; see <see cref="MayMatter"/>. Files whose bytes did
/// not change are not touched; changed ones are written to a temporary file and renamed over the old one, and
/// manifest.json is rewritten the same way, so a reader never sees half a file. A rebuild with errors writes
/// nothing. The result is byte-identical to a clean full build. Used by <c>qcdp build --watch</c> and
/// <c>qcdp serve</c> (<see cref="Serve.LivePreview"/>), both through <see cref="Watcher"/>.
/// </summary>
public sealed class IncrementalBuild
{
    readonly BuildOptions options;
    readonly object gate = new();
    BuildPlan? plan;
    string? outDir;
    // The files on disk as the manifest lists them, by package path.
    Dictionary<string, ManifestEntry> files = new(StringComparer.Ordinal);

    IncrementalBuild(BuildOptions options) => this.options = options;

    /// <summary>The output folder of the last successful build, or null before one.</summary>
    public string? OutputDir => outDir;

    /// <summary>The folders whose changes matter: content/, templates/ and the organisation's folder (profile, brand files, overlay).</summary>
    public IReadOnlyList<string> Folders
    {
        get
        {
            var root = Path.GetFullPath(options.Root);
            var folders = new List<string> { Path.Combine(root, "content"), Path.Combine(root, "templates") };
            // The organisation's folder holds its profile, brand files and content overlay.
            if (Organisations.OrganisationFolders.Resolve(root, options.Profile, new DiagnosticBag()) is { } profile
                && Path.GetDirectoryName(profile) is { } profileDir && !folders.Any(f => Content.ContentLoader.IsInside(profileDir, f)))
                folders.Add(profileDir);
            return folders.Where(Directory.Exists).ToList();
        }
    }

    /// <summary>Runs a full build and keeps what an incremental rebuild needs.</summary>
    public static (IncrementalBuild Build, BuildResult Result) Start(BuildOptions options, Action<string>? progress = null)
    {
        var build = new IncrementalBuild(options);
        var plan = PackageBuilder.Plan(options, progress);
        var result = PackageBuilder.Write(options, plan, progress);
        if (result.OutputDir is not null) build.Keep(plan, result.OutputDir, result.Files);
        return (build, result);
    }

    void Keep(BuildPlan newPlan, string dir, IEnumerable<ManifestEntry> entries)
    {
        plan = newPlan;
        outDir = dir;
        files = entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
    }

    /// <summary>Rebuilds what <paramref name="changedPaths"/> (files or folders, any form of path) affect.</summary>
    public RebuildResult Rebuild(IEnumerable<string> changedPaths)
    {
        lock (gate)
        {
            var clock = Stopwatch.StartNew();
            var root = Path.GetFullPath(options.Root);
            var changed = changedPaths.Select(p => Path.GetFullPath(p, root)).ToHashSet(StringComparer.Ordinal);
            var next = PackageBuilder.Plan(options);
            var planning = clock.Elapsed;
            if (next.Diagnostics.HasErrors || next.Organisation is null || next.Programme is null)
                return new RebuildResult(next.Diagnostics, [], [], [], false, clock.Elapsed) { Planning = planning };

            var dir = PackageBuilder.OutputDirFor(options, next.Organisation);
            if (plan is null || outDir != dir || !Directory.Exists(dir))
            {
                // No earlier package to update (the first build failed, or the slug changed): build it whole.
                var full = PackageBuilder.Write(options, next);
                if (full.OutputDir is null) return new RebuildResult(full.Diagnostics, [], [], [], true, clock.Elapsed);
                Keep(next, full.OutputDir, full.Files);
                return new RebuildResult(full.Diagnostics, full.Files.Select(f => f.Path).ToList(), full.Files.Select(f => f.Path).ToList(), [], true, clock.Elapsed) { Planning = planning };
            }

            var selected = Selected(next);
            var previous = Selected(plan).ToDictionary(a => a.Path, StringComparer.Ordinal);
            var claimed = selected.Concat(previous.Values).SelectMany(a => a.Inputs ?? []).ToHashSet(StringComparer.Ordinal);
            // programme.yaml and the profile feed every output (titles, dates, names) through the model, whatever an
            // output's recorded reads say: a change to either re-renders everything, even when some output claims it.
            var everything = changed.Any(p => (!claimed.Contains(p) || IsProgrammeWide(p, root)) && MayMatter(p));
            // Made again: what a changed file goes into (by the new plan's inputs, or the last one's when a file
            // was deleted), what shows plan-wide facts that changed (Context), and what is new or missing.
            var affected = selected.Where(a => everything || a.Inputs is null || !files.ContainsKey(a.Path) || a.Inputs.Any(changed.Contains)
                || !previous.TryGetValue(a.Path, out var old) || old.Inputs is null || old.Inputs.Any(changed.Contains) || old.Context != a.Context
                || !File.Exists(Path.Combine(dir, a.Path))).ToList();

            List<string> removed;
            var rendered = ParallelRender.All(affected);
            foreach (var r in rendered.Where(r => r.Error is not null))
                next.Diagnostics.Report(Rules.WriteFailed, SourceSpan.StartOf(r.Artefact.Source), $"could not write {r.Artefact.Path}: {r.Error?.Message}", "check the pictures and font files this source uses");
            if (next.Diagnostics.HasErrors) return new RebuildResult(next.Diagnostics, [], [], [], everything, clock.Elapsed) { Planning = planning };

            var entries = new Dictionary<string, ManifestEntry>(files, StringComparer.Ordinal);
            var written = new List<string>();
            using (var folder = OutputFolder.Open(PackageOutput.Request(options, dir, "qcdp build --watch"), next.Diagnostics))
            {
                if (folder is null) return new RebuildResult(next.Diagnostics, [], [], [], everything, clock.Elapsed) { Planning = planning };
                foreach (var (a, bytes, sha, _, _) in rendered)
                {
                    var path = Path.Combine(dir, a.Path);
                    if (files.TryGetValue(a.Path, out var old) && old.Sha256 == sha && File.Exists(path) && old.Kind == a.Kind && old.Source == a.Source)
                        continue; // same bytes: leave the file (and its time stamp) alone
                    var staged = Path.Combine(folder.Staging, a.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
                    File.WriteAllBytes(staged, bytes!);
                    entries[a.Path] = new ManifestEntry(a.Path, a.Kind, a.Source, sha!, bytes!.Length);
                    written.Add(a.Path);
                }
                var wanted = selected.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
                foreach (var p in entries.Keys.Where(p => !wanted.Contains(p)).ToList()) entries.Remove(p);
                var next2 = PackageOutput.ManifestOf(entries.Values.OrderBy(e => e.Path, StringComparer.Ordinal).ToList(), next.Programme, next.Organisation);
                removed = (folder.Previous?.Files ?? []).Select(f => f.Path).Where(p => !entries.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
                if (!folder.Commit(next2, written, next.Diagnostics)) return new RebuildResult(next.Diagnostics, [], [], [], everything, clock.Elapsed) { Planning = planning };
            }
            var ordered = entries.Values.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
            Keep(next, dir, ordered);
            return new RebuildResult(next.Diagnostics, affected.Select(a => a.Path).ToList(), written, removed, everything, clock.Elapsed) { Planning = planning };
        }
    }

    static bool IsProgrammeWide(string path, string root) =>
        path == Path.Combine(root, "content", "programme.yaml") || Path.GetFileName(path) == "organisation.yaml";

    static readonly string[] ReadKinds = [".yaml", ".yml", ".md", ".sbn", ".png", ".jpg", ".jpeg", ".ttf", ".pptx", ".potx", ".docx", ".dotx"];

    /// <summary>
    /// Whether a change no artefact claims could still change the package: an existing file of a kind the build
    /// reads, or a folder. Files that are gone (an editor's temporary file, renamed away) and files the build
    /// never reads (SVG sources, notes) do not; a deleted file the build needed shows up as an error in the plan.
    /// </summary>
    static bool MayMatter(string path) =>
        Directory.Exists(path) || (File.Exists(path) && ReadKinds.Contains(Path.GetExtension(path).ToLowerInvariant()));

    IReadOnlyList<Artefact> Selected(BuildPlan p) =>
        options.Only is { } only ? p.Artefacts.Where(a => only.Contains(Path.GetExtension(a.Path).TrimStart('.'))).ToList() : p.Artefacts;
}
