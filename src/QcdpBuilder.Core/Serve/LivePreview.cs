using System.Diagnostics;
using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Serve;

/// <summary>What one rebuild did: the files that changed, the problems found, whether the site was replaced, how long it took.</summary>
public sealed record Rebuild(IReadOnlyList<string> Changed, DiagnosticBag Diagnostics, bool Written, int Pages, TimeSpan Took);

/// <summary>
/// <c>qcdp serve</c> without the console: a full build (package and site) at the start, then,
/// whenever something under <c>content/</c>, <c>templates/</c> or <c>organisations/</c> changes, a rebuild of the
/// site alone (fast: no PDFs), and a new version number for the pages' live reload. A rebuild
/// that finds errors leaves the last good site in place.
/// </summary>
public sealed class LivePreview : IDisposable
{
    readonly BuildOptions options;
    readonly object gate = new();
    readonly List<FileSystemWatcher> watchers = [];
    readonly HashSet<string> pending = new(StringComparer.Ordinal);
    Timer? debounce;
    long version;
    static readonly HashSet<string> Inputs = [".yaml", ".yml", ".md", ".hbs", ".png", ".jpg", ".jpeg", ".ttf", ".pptx", ".docx"];

    public LivePreview(BuildOptions options) => this.options = options with { Site = true, Write = true };

    /// <summary>Bumped after every successful rebuild; the pages poll it.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Where the package is written (known after the first build).</summary>
    public string? OutputDir { get; private set; }

    /// <summary>Raised after each rebuild triggered by a change.</summary>
    public event Action<Rebuild>? Rebuilt;

    /// <summary>The first, full build: every file, so the site's download links work.</summary>
    public BuildResult BuildAll(Action<string>? progress = null)
    {
        lock (gate)
        {
            var result = PackageBuilder.Run(options, progress);
            if (result.OutputDir is not null) { OutputDir = result.OutputDir; Interlocked.Increment(ref version); }
            return result;
        }
    }

    /// <summary>Rebuilds the site only (the package's other files stay as the last full build made them).</summary>
    public Rebuild RebuildSite(IReadOnlyList<string> changed)
    {
        lock (gate)
        {
            var clock = Stopwatch.StartNew();
            var plan = PackageBuilder.Plan(options);
            var written = false;
            var pages = 0;
            if (!plan.Diagnostics.HasErrors && plan.Organisation is not null)
            {
                OutputDir ??= PackageBuilder.OutputDirFor(options, plan.Organisation);
                written = OutputFolder.ReplaceFolder(OutputDir, "site", plan.Artefacts, plan.Diagnostics);
                pages = plan.Artefacts.Count(a => a.Path.StartsWith("site/") && a.Path.EndsWith(".html"));
                if (written) Interlocked.Increment(ref version);
            }
            return new Rebuild(changed, plan.Diagnostics, written, pages, clock.Elapsed);
        }
    }

    /// <summary>Starts watching <c>content/</c>, <c>templates/</c> and <c>organisations/</c>; changes within <paramref name="quiet"/> of each other make one rebuild.</summary>
    public void Watch(TimeSpan? quiet = null)
    {
        var wait = quiet ?? TimeSpan.FromMilliseconds(300);
        var root = Path.GetFullPath(options.Root);
        debounce = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var dir in new[] { "content", "templates", "organisations" }.Select(d => Path.Combine(root, d)).Where(Directory.Exists))
        {
            var w = new FileSystemWatcher(dir) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            void Changed(string path)
            {
                // Only the kinds of file a build reads: editors' swap, backup and temporary files are not content.
                var name = Path.GetFileName(path);
                if (name.StartsWith('.') || !Inputs.Contains(Path.GetExtension(name).ToLowerInvariant())) return;
                lock (pending) pending.Add(Path.GetRelativePath(root, path).Replace('\\', '/'));
                debounce.Change(wait, Timeout.InfiniteTimeSpan);
            }
            w.Changed += (_, e) => Changed(e.FullPath);
            w.Created += (_, e) => Changed(e.FullPath);
            w.Deleted += (_, e) => Changed(e.FullPath);
            w.Renamed += (_, e) => Changed(e.FullPath);
            w.EnableRaisingEvents = true;
            watchers.Add(w);
        }
    }

    void Flush()
    {
        List<string> changed;
        lock (pending)
        {
            changed = pending.OrderBy(p => p, StringComparer.Ordinal).ToList();
            pending.Clear();
        }
        if (changed.Count == 0) return;
        Rebuild result;
        try { result = RebuildSite(changed); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file caught mid-save: try again shortly.
            lock (pending) pending.UnionWith(changed);
            debounce?.Change(TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan);
            return;
        }
        try { Rebuilt?.Invoke(result); }
        catch (IOException) { /* the console went away; keep serving */ }
    }

    public void Dispose()
    {
        foreach (var w in watchers) w.Dispose();
        debounce?.Dispose();
    }
}
