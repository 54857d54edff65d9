using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>Checks on a profile's brand files: logo kind, template kinds and layout names.</summary>
public sealed partial class ContentLoader
{
    string? Logo(YamlMap map, string? full) =>
        full is not null && BrandFiles.CheckLogo(full, map.String("logo")!, map.ValueSpan("logo"), diagnostics) ? full : null;

    /// <summary>An Office template path, if it has one of the <paramref name="extensions"/> (a document or its template form).</summary>
    string? Template(YamlMap map, string? full, string key, params string[] extensions)
    {
        if (full is null) return null;
        if (extensions.Any(e => full.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return full;
        diagnostics.Report(Rules.BrandFile, map.ValueSpan(key), $"'{key}' must be a {string.Join(" or ", extensions)} file, not {Path.GetFileName(full)}",
            "save the template from PowerPoint or Word in one of those formats");
        return null;
    }

    /// <summary>
    /// <c>layout_names: { "Title and Content": "Text – Bullets" }</c>: which layout of the
    /// organisation's template to use for each of ours, when its names differ.
    /// </summary>
    Dictionary<string, string> ReadLayoutNames(YamlMap map)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (map.Map("layout_names") is not { } m) return result;
        var ours = Enum.GetValues<SlideLayout>().Select(SlideLayoutNames.Of).ToArray();
        m.AllowOnly(ours);
        foreach (var (key, _) in m.Keys)
            if (ours.Contains(key) && m.String(key) is { Length: > 0 } name) result[key] = name;
        return result;
    }
}
