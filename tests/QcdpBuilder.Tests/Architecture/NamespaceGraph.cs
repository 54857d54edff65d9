using System.Text;
using System.Text.RegularExpressions;

namespace QcdpBuilder.Tests.Architecture;

/// <summary>
/// The dependency graph between the top-level folders of a source tree (one folder = one namespace,
/// <c>QcdpBuilder.Folder</c>), read from the source text: <c>using</c> directives (plain, static and alias)
/// and qualified references in code, either fully qualified (<c>QcdpBuilder.Pptx.PptxWriter</c>) or relative to
/// the shared root namespace (<c>Branding.BrandFiles</c> written inside <c>QcdpBuilder.Content</c>). Comments are
/// ignored, and so is the text of plain strings; a qualified reference counts only when its last part names a type declared in that folder, so a
/// property called <c>Content</c> or a resource name such as <c>"QcdpBuilder.Assets.x"</c> is not an edge.
/// </summary>
public sealed partial class NamespaceGraph
{
    /// <summary>One reason for an edge: where the reference is written.</summary>
    public sealed record Evidence(string File, int Line, string Text);

    readonly string rootNamespace;
    readonly Dictionary<string, HashSet<string>> typesByFolder = new(StringComparer.Ordinal);
    readonly SortedDictionary<string, SortedDictionary<string, Evidence>> edges = new(StringComparer.Ordinal);

    NamespaceGraph(string rootNamespace) => this.rootNamespace = rootNamespace;

    /// <summary>The folders that depend on something, each with the folders it depends on and the first place it does.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, Evidence>> Edges => edges;

    /// <summary>Reads every <c>.cs</c> file under <paramref name="sourceRoot"/> except bin/ and obj/.</summary>
    public static NamespaceGraph FromFolder(string sourceRoot, string rootNamespace)
    {
        var files = Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(sourceRoot, f).Replace('\\', '/'))
            .Where(f => f.Contains('/') && !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(sourceRoot, f))));
        return FromSources(files, rootNamespace);
    }

    /// <summary>Builds the graph from (relative path, source text) pairs; the first path segment is the folder.</summary>
    public static NamespaceGraph FromSources(IEnumerable<(string Path, string Text)> sources, string rootNamespace)
    {
        var graph = new NamespaceGraph(rootNamespace);
        var files = sources.Select(s => (s.Path, Folder: s.Path.Split('/')[0], Code: StripComments(s.Text))).ToList();
        foreach (var (_, folder, code) in files)
        {
            var types = graph.typesByFolder.TryGetValue(folder, out var t) ? t : graph.typesByFolder[folder] = new(StringComparer.Ordinal);
            foreach (Match m in TypeDeclaration().Matches(code)) types.Add(m.Groups["name"].Value);
        }
        foreach (var (path, folder, code) in files) graph.Scan(path, folder, code);
        return graph;
    }

    void Scan(string path, string folder, string code)
    {
        var root = Regex.Escape(rootNamespace);
        foreach (Match m in Regex.Matches(code, $@"^[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?(?:\w+[ \t]*=[ \t]*)?(?:global::)?{root}\.(?<ns>\w+)", RegexOptions.Multiline))
            Add(folder, m.Groups["ns"].Value, path, code, m.Index);
        foreach (Match m in Regex.Matches(code, $@"(?<![\w.])(?:global::)?{root}\.(?<ns>\w+)\.(?<type>\w+)"))
            if (IsType(m.Groups["ns"].Value, m.Groups["type"].Value)) Add(folder, m.Groups["ns"].Value, path, code, m.Index);
        foreach (Match m in Regex.Matches(code, @"(?<![\w.:])(?<ns>[A-Z]\w*)\.(?<type>[A-Z]\w*)"))
            if (m.Groups["ns"].Value != rootNamespace && IsType(m.Groups["ns"].Value, m.Groups["type"].Value))
                Add(folder, m.Groups["ns"].Value, path, code, m.Index);
    }

    bool IsType(string folder, string name) => typesByFolder.TryGetValue(folder, out var types) && types.Contains(name);

    void Add(string from, string to, string path, string code, int index)
    {
        if (from == to || !typesByFolder.ContainsKey(to)) return;
        var targets = edges.TryGetValue(from, out var e) ? e : edges[from] = new(StringComparer.Ordinal);
        if (targets.ContainsKey(to)) return;
        var line = code.AsSpan(0, index).Count('\n') + 1;
        var start = code.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var end = code.IndexOf('\n', index);
        targets[to] = new Evidence(path, line, code[start..(end < 0 ? code.Length : end)].Trim());
    }

    /// <summary>The strongly connected components with more than one folder: each is at least one cycle.</summary>
    public List<List<string>> Cycles()
    {
        // Tarjan's algorithm over the sorted folder names, so the answer is the same on every run.
        var nodes = typesByFolder.Keys.Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        var next = 0;
        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v); onStack.Add(v);
            foreach (var w in Targets(v))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            if (component.Count > 1) result.Add(component.Order(StringComparer.Ordinal).ToList());
        }
        foreach (var n in nodes) if (!index.ContainsKey(n)) Visit(n);
        return result;
    }

    IEnumerable<string> Targets(string from) => edges.TryGetValue(from, out var e) ? e.Keys : [];

    /// <summary>One shortest cycle through <paramref name="start"/> inside its component (breadth-first).</summary>
    public List<string> CycleThrough(string start, IReadOnlyCollection<string> component)
    {
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in Targets(v).Where(component.Contains))
            {
                if (w == start)
                {
                    var path = new List<string> { v };
                    while (path[^1] != start) path.Add(previous[path[^1]]);
                    path.Reverse();
                    path.Add(start);
                    return path;
                }
                if (previous.TryAdd(w, v)) queue.Enqueue(w);
            }
        }
        return [];
    }

    /// <summary>Every cycle, each as its folders, one shortest cycle with the line that makes each step, and the
    /// component's other edges: enough to see which reference to remove.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var component in Cycles())
        {
            text.AppendLine($"{component.Count} folders form a cycle: {string.Join(", ", component)}");
            var cycle = CycleThrough(component[0], component);
            text.AppendLine("  for example " + string.Join(" -> ", cycle));
            for (var i = 0; i + 1 < cycle.Count; i++) text.AppendLine("    " + Step(cycle[i], cycle[i + 1]));
            text.AppendLine("  every edge inside it:");
            foreach (var from in component)
                foreach (var to in Targets(from).Where(component.Contains))
                    text.AppendLine("    " + Step(from, to));
        }
        return text.ToString();
    }

    string Step(string from, string to)
    {
        var e = edges[from][to];
        return $"{from} -> {to}: {e.File}:{e.Line}: {e.Text}";
    }

    /// <summary>Blanks out comments (line, block and XML doc) and the text of string literals that are not
    /// interpolated, keeping line breaks, so neither a <c>//</c> inside a string nor a name in a message or a
    /// comment is taken for code. Interpolated strings are kept whole: their holes are code.</summary>
    public static string StripComments(string source)
    {
        var s = new StringBuilder(source.Length);
        var i = 0;
        void Skip(int from, int to) { for (var k = from; k < to; k++) if (source[k] == '\n') s.Append('\n'); }
        bool Interpolated(int quote) => quote > 0 && (source[quote - 1] == '$' || source[quote - 1] == '@' && quote > 1 && source[quote - 2] == '$');
        while (i < source.Length)
        {
            var c = source[i];
            var n = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && n == '/')
            {
                while (i < source.Length && source[i] != '\n') i++;
            }
            else if (c == '/' && n == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                Skip(i, end);
                i = end;
            }
            else if (c == '"' && n == '"' && i + 2 < source.Length && source[i + 2] == '"')
            {
                // Raw string literal: ends at the same number of quotes it opened with.
                var keep = Interpolated(i);
                var open = 0;
                while (i < source.Length && source[i] == '"') { open++; i++; }
                var close = new string('"', open);
                var end = source.IndexOf(close, i, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end;
                if (keep) s.Append(close).Append(source, i, end - i).Append(close);
                else { s.Append(close); Skip(i, end); s.Append(close); }
                i = Math.Min(source.Length, end + open);
            }
            else if (c == '"' || c == '\'')
            {
                var verbatim = i > 0 && source[i - 1] == '@' || i > 1 && source[i - 2] == '@' && source[i - 1] == '$';
                var keep = c == '\'' || Interpolated(i);
                var start = ++i;
                while (i < source.Length)
                {
                    var d = source[i];
                    if (!verbatim && d == '\\' && i + 1 < source.Length) { i += 2; continue; }
                    if (d == c && verbatim && i + 1 < source.Length && source[i + 1] == c) { i += 2; continue; }
                    if (d == c || (d == '\n' && !verbatim)) break;
                    i++;
                }
                s.Append(c);
                if (keep) s.Append(source, start, i - start); else Skip(start, i);
                if (i < source.Length) { s.Append(source[i]); i++; }
            }
            else { s.Append(c); i++; }
        }
        return s.ToString();
    }

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record(?:[ \t]+(?:class|struct))?|delegate[ \t]+[\w<>?,\[\] \t]+?)[ \t]+(?<name>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();
}
