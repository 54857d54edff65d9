using QcdpBuilder.Content;

namespace QcdpBuilder.Pipeline;

/// <summary>
/// What one build (or one run of pack, validate or report) keeps while it runs: the symbolic links followed
/// so far and the record of which files each output was made from. Nothing of it outlives the build, and no
/// two builds share one, so a watch session's next rebuild sees every change and parallel builds (tests,
/// <c>benchmark --orgs</c>) never meet.
/// </summary>
public sealed class BuildContext
{
    /// <summary>Links followed, shared by the loader, the overlay and the Markdown reader of this build.</summary>
    public ResolvedPaths Paths { get; } = new();

    /// <summary>The files read while making each output.</summary>
    public ReadLog Reads { get; } = new();
}

/// <summary>
/// Records which files are read while an output is being made, for incremental rebuilds: an output's inputs are
/// exactly the files read inside its <see cref="Record{T}"/>, including those read by anything memoised it
/// reuses (see <see cref="ContentSession"/>). Reads outside any record (loading the whole programme) count
/// for no output in particular; a change to such a file rebuilds everything. Records nest, per thread.
/// </summary>
public sealed class ReadLog
{
    readonly ThreadLocal<Stack<HashSet<string>>> open = new(() => new Stack<HashSet<string>>());

    /// <summary>Notes that <paramref name="path"/> was read for every output being made on this thread.</summary>
    public void Read(string path)
    {
        var stack = open.Value!;
        if (stack.Count > 0) stack.Peek().Add(Path.GetFullPath(path));
    }

    /// <summary>Notes several reads at once (those of a memoised result being reused).</summary>
    public void Read(IEnumerable<string> paths)
    {
        var stack = open.Value!;
        if (stack.Count > 0) stack.Peek().UnionWith(paths);
    }

    /// <summary>Runs <paramref name="make"/> and gives what it made with the files it read (full paths, in ordinal order).</summary>
    public (T Value, IReadOnlyList<string> Reads) Record<T>(Func<T> make)
    {
        var stack = open.Value!;
        var reads = new HashSet<string>(StringComparer.Ordinal);
        stack.Push(reads);
        T value;
        try { value = make(); }
        finally { stack.Pop(); }
        // What an inner record read, the output around it read too.
        if (stack.Count > 0) stack.Peek().UnionWith(reads);
        return (value, reads.Order(StringComparer.Ordinal).ToList());
    }
}
