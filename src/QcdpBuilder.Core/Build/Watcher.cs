using System.Diagnostics;

namespace QcdpBuilder.Build;

/// <summary>
/// Watches the folders of an <see cref="IncrementalBuild"/> and rebuilds after changes. Editors save in bursts
/// (write a temporary file, rename it, touch the folder), so events are collected until none has come for
/// <c>debounce</c> (50 ms by default) and then rebuilt together; events that arrive during a rebuild start
/// the next one. Editor back-up and swap files are ignored.
/// </summary>
public sealed class Watcher : IDisposable
{
    readonly IncrementalBuild build;
    readonly Action<RebuildResult, TimeSpan> rebuilt;
    readonly TimeSpan debounce;
    readonly List<FileSystemWatcher> watchers = [];
    readonly Timer timer;
    readonly object gate = new();
    HashSet<string> pending = new(StringComparer.Ordinal);
    long firstEvent;

    /// <param name="rebuilt">Called after each rebuild with its result and the time since the first change it covers.</param>
    public Watcher(IncrementalBuild build, Action<RebuildResult, TimeSpan> rebuilt, TimeSpan? debounce = null)
    {
        this.build = build;
        this.rebuilt = rebuilt;
        this.debounce = debounce ?? TimeSpan.FromMilliseconds(50);
        timer = new Timer(_ => Flush());
        foreach (var folder in build.Folders)
        {
            var w = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            w.Changed += (_, e) => Saw(e.FullPath);
            w.Created += (_, e) => Saw(e.FullPath);
            w.Deleted += (_, e) => Saw(e.FullPath);
            w.Renamed += (_, e) => { Saw(e.OldFullPath); Saw(e.FullPath); };
            // Events were lost (buffer overflow): rebuild on the safe side, as if everything changed.
            w.Error += (_, _) => Saw(folder);
            w.EnableRaisingEvents = true;
            watchers.Add(w);
        }
    }

    /// <summary>Editor droppings: swap, back-up and lock files, and hidden files.</summary>
    public static bool Ignored(string path)
    {
        var name = Path.GetFileName(path);
        return name.Length == 0 || name.StartsWith('.') || name.StartsWith('#') || name.EndsWith('~')
            || name.EndsWith(".swp") || name.EndsWith(".swx") || name.EndsWith(".tmp") || name == "4913";
    }

    void Saw(string path)
    {
        if (Ignored(path)) return;
        lock (gate)
        {
            if (pending.Count == 0) firstEvent = Stopwatch.GetTimestamp();
            pending.Add(path);
            timer.Change(debounce, Timeout.InfiniteTimeSpan);
        }
    }

    void Flush()
    {
        HashSet<string> paths;
        long since;
        lock (gate)
        {
            if (pending.Count == 0) return;
            (paths, pending) = (pending, new HashSet<string>(StringComparer.Ordinal));
            since = firstEvent;
        }
        RebuildResult result;
        try { result = build.Rebuild(paths); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still being saved or locked: try again shortly with the same paths.
            lock (gate) { foreach (var p in paths) pending.Add(p); timer.Change(debounce * 4, Timeout.InfiniteTimeSpan); }
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never let one bad rebuild end the session: report it; the files on disk stay as they were.
            var diagnostics = new Diagnostics.DiagnosticBag();
            diagnostics.Error(Diagnostics.SourceSpan.StartOf(paths.Order(StringComparer.Ordinal).First()), $"rebuild failed: {e.Message}", "fix the file and save again");
            result = new RebuildResult(diagnostics, [], [], [], false, TimeSpan.Zero);
        }
        rebuilt(result, Stopwatch.GetElapsedTime(since));
    }

    public void Dispose()
    {
        foreach (var w in watchers) w.Dispose();
        timer.Dispose();
    }
}
