namespace QcdpBuilder.Content;

/// <summary>
/// The files a build reads, seen through an organisation's overlay. An organisation never edits
/// the shared <c>content/</c> or <c>templates/</c>: a file at <c>organisations/&lt;slug&gt;/content/&lt;path&gt;</c>
/// replaces <c>content/&lt;path&gt;</c>, one at <c>organisations/&lt;slug&gt;/templates/&lt;name&gt;</c> replaces
/// <c>templates/&lt;name&gt;</c>, and folder listings are the union of both (so new sessions, handouts
/// and materials can be added). Keeping every overlay file in the organisation's own folder is
/// what lets a fork pull upstream content changes without merge conflicts.
/// </summary>
public sealed class Overlay
{
    readonly string sharedContent, sharedTemplates;
    readonly string? orgContent, orgTemplates;
    readonly ResolvedPaths paths;

    Overlay(string root, string? orgDir, ResolvedPaths? paths)
    {
        this.paths = paths ?? new ResolvedPaths();
        sharedContent = Path.Combine(root, "content");
        sharedTemplates = Path.Combine(root, "templates");
        // A profile kept at the repository root (or in content/) has no overlay of its own.
        if (orgDir is null || Same(orgDir, root) || this.paths.IsInside(orgDir, sharedContent) || Same(orgDir, sharedContent)) return;
        orgContent = Path.Combine(orgDir, "content");
        orgTemplates = Path.Combine(orgDir, "templates");
    }

    /// <summary>No overlay: every file is the shared one.</summary>
    public static Overlay None(string root, ResolvedPaths? paths = null) => new(Path.GetFullPath(root), null, paths);

    /// <summary>The overlay held beside an organisation profile (its <c>content/</c> and <c>templates/</c> folders).</summary>
    public static Overlay ForProfile(string root, string profilePath, ResolvedPaths? paths = null) => new(Path.GetFullPath(root), Path.GetDirectoryName(Path.GetFullPath(profilePath)), paths);

    /// <summary>
    /// The file a build reads for <paramref name="path"/> (a path in <c>content/</c> or in the
    /// overlay's <c>content/</c>): the overlay's copy if there is one, else the shared one; the
    /// path itself when neither exists, so "not found" errors name what was asked for.
    /// </summary>
    public string Content(string path) => Resolve(path, sharedContent, orgContent);

    /// <summary>The template a build uses for <paramref name="name"/> (e.g. <c>facilitator-guide.md.sbn</c>).</summary>
    public string Template(string name) => Resolve(Path.Combine(sharedTemplates, name), sharedTemplates, orgTemplates);

    /// <summary>The organisation's own <c>templates/</c> folder (which may not exist), or null without an overlay.</summary>
    public string? TemplatesFolder => orgTemplates;

    /// <summary>An existing folder for <paramref name="path"/> (the shared one first, else the overlay's), or null.</summary>
    public string? Folder(string path)
    {
        var rel = Relative(path, sharedContent, orgContent);
        if (rel is null) return Directory.Exists(path) ? path : null;
        foreach (var baseDir in new[] { sharedContent, orgContent })
            if (baseDir is not null && Directory.Exists(Path.Combine(baseDir, rel))) return Path.Combine(baseDir, rel);
        return null;
    }

    /// <summary>
    /// The files matching <paramref name="pattern"/> in a content folder, shared and overlay together,
    /// ordered by name; where both have a file of the same name, the overlay's replaces the shared one.
    /// </summary>
    public IReadOnlyList<string> Files(string folder, string pattern)
    {
        var byName = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in Both(folder))
            foreach (var f in Directory.GetFiles(dir, pattern)) byName[Path.GetFileName(f)] = f;
        return byName.Values.ToList();
    }

    /// <summary>
    /// The subfolders of a content folder, shared and overlay together, ordered by name: the shared
    /// path where the shared folder has it (files inside still resolve through <see cref="Content"/>),
    /// else the overlay's.
    /// </summary>
    public IReadOnlyList<string> Folders(string folder)
    {
        var byName = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in Both(folder).Reverse())
            foreach (var d in Directory.GetDirectories(dir)) byName[Path.GetFileName(d)] = d;
        return byName.Values.ToList();
    }

    /// <summary>True when <paramref name="path"/> is a file of the organisation's overlay rather than shared.</summary>
    public bool IsOverlay(string path) =>
        (orgContent is not null && paths.IsInside(path, orgContent)) || (orgTemplates is not null && paths.IsInside(path, orgTemplates));

    /// <summary>The shared folder for a path, then the overlay's, each only if it exists.</summary>
    IEnumerable<string> Both(string folder)
    {
        var rel = Relative(folder, sharedContent, orgContent);
        if (rel is null) { if (Directory.Exists(folder)) yield return folder; yield break; }
        var shared = Path.Combine(sharedContent, rel);
        if (Directory.Exists(shared)) yield return shared;
        if (orgContent is not null && Directory.Exists(Path.Combine(orgContent, rel))) yield return Path.Combine(orgContent, rel);
    }

    string Resolve(string path, string shared, string? org)
    {
        var rel = Relative(path, shared, org);
        if (rel is null) return path;
        if (org is not null && File.Exists(Path.Combine(org, rel))) return Path.Combine(org, rel);
        if (File.Exists(Path.Combine(shared, rel))) return Path.Combine(shared, rel);
        return path;
    }

    /// <summary>The path relative to the overlay or the shared folder, whichever holds it; null for paths in neither.</summary>
    string? Relative(string path, string shared, string? org)
    {
        var full = Path.GetFullPath(path);
        if (org is not null && (paths.IsInside(full, org) || Same(full, org))) return Path.GetRelativePath(org, full);
        if (paths.IsInside(full, shared) || Same(full, shared)) return Path.GetRelativePath(shared, full);
        return null;
    }

    static bool Same(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
