using QcdpBuilder.Build;

namespace QcdpBuilder.Serve;

/// <summary>
/// <c>qcdp serve</c> without the console: a full build (package and site) at the start, then, on every change
/// under the folders a build reads, an <see cref="IncrementalBuild"/> rebuild through the same <see cref="Watcher"/>
/// as <c>qcdp build --watch</c>: only the files the change affects (pages and package files alike) are made
/// again, and only those whose bytes differ are rewritten, so the served folder always equals a clean
/// <c>qcdp build --format html</c>. After a rebuild that rewrote something the version number goes up and open
/// pages reload. A rebuild that finds errors writes nothing and leaves the version alone.
/// </summary>
public sealed class LivePreview : IDisposable
{
    readonly BuildOptions options;
    IncrementalBuild? build;
    Watcher? watcher;
    long version;

    public LivePreview(BuildOptions options) => this.options = options with { Site = true, Write = true };

    /// <summary>Bumped after every rebuild that changed a file; the pages poll it.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Where the package is written (known after the first successful build).</summary>
    public string? OutputDir => build?.OutputDir;

    /// <summary>The folders watched for changes (known after <see cref="BuildAll"/>).</summary>
    public IReadOnlyList<string> Folders => build?.Folders ?? [];

    /// <summary>Raised after each rebuild a change started, with the time from the first change it covers to the files written.</summary>
    public event Action<RebuildResult, TimeSpan>? Rebuilt;

    /// <summary>The first, full build: every file, so the site's download links work.</summary>
    public BuildResult BuildAll(Action<string>? progress = null)
    {
        var (b, result) = IncrementalBuild.Start(options, progress);
        build = b;
        if (result.OutputDir is not null) Interlocked.Increment(ref version);
        return result;
    }

    /// <summary>Rebuilds what <paramref name="changedPaths"/> affect (what the watcher does after a save).</summary>
    public RebuildResult Rebuild(IEnumerable<string> changedPaths)
    {
        if (build is null) BuildAll();
        var result = build!.Rebuild(changedPaths);
        Saw(result);
        return result;
    }

    /// <summary>Starts watching; changes within <paramref name="debounce"/> of each other (50 ms by default) make one rebuild.</summary>
    public void Watch(TimeSpan? debounce = null)
    {
        if (build is null) BuildAll();
        watcher = new Watcher(build!, (result, sinceChange) =>
        {
            Saw(result);
            try { Rebuilt?.Invoke(result, sinceChange); }
            catch (IOException) { /* the console went away; keep serving */ }
        }, debounce);
    }

    void Saw(RebuildResult result)
    {
        // Nothing on disk changed (an error, or a save that changed no output): open pages stay as they are.
        if (!result.Failed && (result.Written.Count > 0 || result.Removed.Count > 0)) Interlocked.Increment(ref version);
    }

    public void Dispose() => watcher?.Dispose();
}
