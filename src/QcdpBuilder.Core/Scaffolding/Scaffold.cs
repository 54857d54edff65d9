using System.Text.RegularExpressions;
using QcdpBuilder.Content;
using QcdpBuilder.Packaging;

namespace QcdpBuilder.Scaffolding;

/// <summary>What a scaffold made (repository-relative paths), or why it made nothing.</summary>
public sealed record ScaffoldResult(IReadOnlyList<string> Created, IReadOnlyList<string> Changed, string? Error = null)
{
    public static ScaffoldResult Fail(string error) => new([], [], error);
}

/// <summary>
/// New files from the templates in Assets, with guidance comments, that pass <c>qcdp validate</c> as they stand:
/// <c>qcdp new session</c> and <c>qcdp new handout</c> (a correctly linked file set with the next free id or name;
/// if anything it would write exists, it writes nothing) and <c>qcdp init</c> (a new organisation, in
/// Scaffold.Organisation.cs). None of them overwrites a file.
/// </summary>
public static partial class Scaffold
{
    /// <summary>A new session in <paramref name="workstream"/> (its folder, id or number), listed in its workstream.yaml.</summary>
    public static ScaffoldResult Session(string root, string workstream, string? title = null)
    {
        var wsDir = FindWorkstream(root, workstream);
        if (wsDir is null) return ScaffoldResult.Fail($"no workstream '{workstream}' in content/workstreams/ (give its folder, id or number, e.g. 05-coaching-skills, coaching-skills or 5)");
        var wsFile = Path.Combine(wsDir, "workstream.yaml");
        var wsText = File.ReadAllText(wsFile);
        var number = NumberRx().Match(wsText) is { Success: true } n ? n.Groups[1].Value : null;
        var outcome = OutcomeRx().Match(wsText) is { Success: true } o ? o.Groups[1].Value : null;
        if (number is null || outcome is null) return ScaffoldResult.Fail($"{Rel(root, wsFile)} needs a 'number' and at least one outcome first");
        var listed = SessionsRx().Match(wsText);
        if (!listed.Success) return ScaffoldResult.Fail($"{Rel(root, wsFile)} has no one-line 'sessions: [\"…\"]' list to add the session to");

        // The next free id: one more than the highest "<number>.<n>" listed or with a folder.
        var sessionsDir = Path.Combine(wsDir, "sessions");
        var taken = QuotedRx().Matches(listed.Groups[1].Value).Select(m => m.Groups[1].Value)
            .Concat(Directory.Exists(sessionsDir) ? Directory.GetDirectories(sessionsDir).Select(d => Path.GetFileName(d)!.Split('-')[0]) : []);
        var next = taken.Select(t => t.Split('.')).Where(p => p.Length == 2 && p[0] == number && int.TryParse(p[1], out _)).Select(p => int.Parse(p[1])).DefaultIfEmpty(0).Max() + 1;
        var id = $"{number}.{next}";
        title = string.IsNullOrWhiteSpace(title) ? "New session" : title.Trim();
        var dir = Path.Combine(sessionsDir, $"{id}-{Slugs.Make(title)}");
        var files = new Dictionary<string, string>
        {
            [Path.Combine(dir, "session.yaml")] = Assets.Fill("Scaffold/session.yaml", new Dictionary<string, string>
            {
                ["schema"] = "../../../../../schemas/session.schema.json", ["id"] = id, ["title"] = YamlText(title), ["outcome"] = outcome,
            }),
            [Path.Combine(dir, "slides.md")] = Assets.Text("Scaffold/slides.md"),
            [Path.Combine(dir, "facilitator-notes.md")] = Assets.Text("Scaffold/facilitator-notes.md"),
        };
        if (Directory.Exists(dir) || files.Keys.Any(File.Exists)) return ScaffoldResult.Fail($"{Rel(root, dir)} already exists; nothing was written");

        var list = listed.Groups[1].Value.TrimEnd();
        var newList = list.Length == 0 ? $"\"{id}\"" : $"{list}, \"{id}\"";
        var newWs = wsText[..listed.Groups[1].Index] + newList + wsText[(listed.Groups[1].Index + listed.Groups[1].Length)..];
        foreach (var (path, text) in files) Write(path, text);
        File.WriteAllText(wsFile, newWs);
        return new ScaffoldResult(files.Keys.Select(f => Rel(root, f)).ToList(), [Rel(root, wsFile)]);
    }

    /// <summary>A new handout for the session with id <paramref name="sessionId"/>, listed in its session.yaml.</summary>
    public static ScaffoldResult Handout(string root, string sessionId, string? title = null)
    {
        var sessionFile = FindSession(root, sessionId);
        if (sessionFile is null) return ScaffoldResult.Fail($"no session with id '{sessionId}' in content/workstreams/*/sessions/");
        var wsDir = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(sessionFile)!)!)!;
        title = string.IsNullOrWhiteSpace(title) ? "Worksheet" : title.Trim();
        var name = Slugs.Make(title);
        // Handout names are unique across all workstreams.
        var clash = Directory.GetFiles(Path.Combine(root, "content", "workstreams"), name + ".md", SearchOption.AllDirectories)
            .FirstOrDefault(f => Path.GetFileName(Path.GetDirectoryName(f)) == "handouts");
        if (clash is not null) return ScaffoldResult.Fail($"a handout named '{name}' already exists ({Rel(root, clash)}); choose another --title");

        var sessionText = File.ReadAllText(sessionFile);
        string newSession;
        if (HandoutsRx().Match(sessionText) is { Success: true } m)
        {
            var list = m.Groups[1].Value.Trim();
            newSession = sessionText[..m.Groups[1].Index] + (list.Length == 0 ? name : $"{list}, {name}") + sessionText[(m.Groups[1].Index + m.Groups[1].Length)..];
        }
        else if (ActivitiesRx().Match(sessionText) is { Success: true } a)
            newSession = sessionText[..a.Index] + $"handouts: [{name}]\n" + sessionText[a.Index..];
        else return ScaffoldResult.Fail($"{Rel(root, sessionFile)} has no one-line 'handouts: […]' list or 'activities:' key to add the handout before");

        var path = Path.Combine(wsDir, "handouts", name + ".md");
        Write(path, Assets.Fill("Scaffold/handout.md", new Dictionary<string, string> { ["title"] = YamlText(title), ["session"] = sessionId }));
        File.WriteAllText(sessionFile, newSession);
        return new ScaffoldResult([Rel(root, path)], [Rel(root, sessionFile)]);
    }

    static string? FindWorkstream(string root, string given)
    {
        var dir = Path.Combine(root, "content", "workstreams");
        if (!Directory.Exists(dir)) return null;
        foreach (var ws in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetFileName(ws);
            var file = Path.Combine(ws, "workstream.yaml");
            if (!File.Exists(file)) continue;
            var text = File.ReadAllText(file);
            if (folder == given || folder[(folder.IndexOf('-') + 1)..] == given
                || (IdRx().Match(text) is { Success: true } id && id.Groups[1].Value == given)
                || (NumberRx().Match(text) is { Success: true } n && n.Groups[1].Value == given))
                return ws;
        }
        return null;
    }

    static string? FindSession(string root, string id) =>
        Directory.Exists(Path.Combine(root, "content", "workstreams"))
            ? Directory.GetFiles(Path.Combine(root, "content", "workstreams"), "session.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .FirstOrDefault(f => IdRx().Match(File.ReadAllText(f)) is { Success: true } m && m.Groups[1].Value == id)
            : null;

    static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.CreateNew);  // never overwrites
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    /// <summary>A title as a YAML scalar: quoted when plain YAML would misread it.</summary>
    static string YamlText(string text) =>
        PlainRx().IsMatch(text) ? text : "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    static string Rel(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    [GeneratedRegex(@"^number:\s*(\d+)\s*$", RegexOptions.Multiline)] private static partial Regex NumberRx();
    [GeneratedRegex(@"^id:\s*""?([^""\s#]+)""?", RegexOptions.Multiline)] private static partial Regex IdRx();
    [GeneratedRegex(@"^\s*-\s*id:\s*""?([^""\s#]+)""?", RegexOptions.Multiline)] private static partial Regex OutcomeRx();
    [GeneratedRegex(@"^sessions:\s*\[([^\]\n]*)\]", RegexOptions.Multiline)] private static partial Regex SessionsRx();
    [GeneratedRegex(@"^handouts:\s*\[([^\]\n]*)\]", RegexOptions.Multiline)] private static partial Regex HandoutsRx();
    [GeneratedRegex(@"^activities:", RegexOptions.Multiline)] private static partial Regex ActivitiesRx();
    [GeneratedRegex(@"""([^""]*)""")] private static partial Regex QuotedRx();
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9 ,'()-]*$")] private static partial Regex PlainRx();
}
