using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Organisations;

/// <summary>
/// Where organisations live: each in <c>organisations/&lt;slug&gt;/</c>, its profile in
/// <c>organisation.yaml</c> beside its own files and overlay. <c>--org</c> takes a slug or a path
/// to a profile; without one the build uses <c>default_organisation</c> from
/// <c>content/programme.yaml</c>, or the only organisation there is.
/// </summary>
public static class OrganisationFolders
{
    public const string Folder = ContentLoader.OrganisationsFolder;
    public const string ProfileName = "organisation.yaml";

    /// <summary>The slugs of every organisation folder that holds a profile, in order.</summary>
    public static IReadOnlyList<string> Slugs(string root)
    {
        var dir = Path.Combine(root, Folder);
        return Directory.Exists(dir)
            ? Directory.GetDirectories(dir).Where(d => File.Exists(Path.Combine(d, ProfileName))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The profile file for organisation <paramref name="slug"/>.</summary>
    public static string ProfilePath(string root, string slug) => Path.Combine(root, Folder, slug, ProfileName);

    /// <summary>True when <paramref name="given"/> names an organisation by slug rather than by path.</summary>
    public static bool IsSlug(string given) => Content.Slugs.IsValid(given);

    /// <summary>
    /// The profile to build: <paramref name="given"/> as a slug or a path (relative to the
    /// repository), else the default organisation. Null, with an error, when there is none.
    /// </summary>
    public static string? Resolve(string root, string? given, DiagnosticBag diagnostics)
    {
        root = Path.GetFullPath(root);
        if (given is not null && !IsSlug(given)) return Path.GetFullPath(given, root);
        var slug = given ?? Default(root, diagnostics);
        if (slug is null) return null;
        var path = ProfilePath(root, slug);
        if (File.Exists(path)) return path;
        var known = Slugs(root);
        var near = Suggest.Nearest(slug, known);
        diagnostics.Report(Rules.UnknownOrganisation, SourceSpan.StartOf($"{Folder}/{slug}/{ProfileName}"), $"there is no organisation '{slug}'",
            (near is null ? "" : $"did you mean '{near}'? ") + (known.Count > 0 ? $"Organisations: {string.Join(", ", known)}; or " : "") + $"create it with: qcdp init {slug}");
        return null;
    }

    /// <summary><c>default_organisation</c> in content/programme.yaml, else the only organisation folder.</summary>
    static string? Default(string root, DiagnosticBag diagnostics)
    {
        var programme = Path.Combine(root, "content", "programme.yaml");
        // Read as the loader reads it (it reports any problem with the file itself later).
        if (File.Exists(programme) && SourceFiles.ReadText(programme, root, "content/programme.yaml", new DiagnosticBag()) is { } text
            && YamlMap.Load(text, "content/programme.yaml", new DiagnosticBag()) is { } map
            && map.String("default_organisation") is { } slug)
            return slug;
        var known = Slugs(root);
        if (known.Count == 1) return known[0];
        diagnostics.Report(Rules.UnknownOrganisation, SourceSpan.StartOf("content/programme.yaml"), known.Count == 0 ? "there is no organisation to build for" : "which organisation? There is more than one and no default",
            known.Count == 0 ? "create one with: qcdp init <slug>" : $"pass --org ({string.Join(", ", known)}) or set default_organisation in content/programme.yaml");
        return null;
    }
}
