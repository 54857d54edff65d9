using QcdpBuilder.Packaging;

namespace QcdpBuilder.Pptx;

/// <summary>
/// Hands out relationship ids for one slide or notes part (rId{n}, in order, so output is
/// stable) and adds the image and hyperlink relationships behind them, once per target.
/// </summary>
sealed class PartRels(OpcPackage package, OpcPart part, int firstFree, Dictionary<string, OpcPart>? sharedImages = null)
{
    int next = firstFree;
    readonly Dictionary<string, string> links = new(StringComparer.Ordinal);
    readonly Dictionary<string, (string Id, ImageInfo Info)> images = new(StringComparer.Ordinal);

    public string NextId() => $"rId{next++}";

    /// <summary>The relationship id of an external hyperlink, or null when the target is not an absolute web or mail address.</summary>
    public string? Hyperlink(string url)
    {
        if (links.TryGetValue(url, out var known)) return known;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto")) return null;
        var id = package.RelateExternal(part, Pml.HyperlinkRel, uri.OriginalString, NextId());
        links[url] = id;
        return id;
    }

    public (string Id, ImageInfo Info) Image(string path)
    {
        if (images.TryGetValue(path, out var known)) return known;
        var info = ImageInfo.Read(path);
        // The same file on another slide: one media part, several relationships.
        if (sharedImages?.GetValueOrDefault(path) is not { } media)
        {
            media = package.AddPart(package.NewPartName("ppt/media", "image", info.Extension, unnumberedFirst: true), info.ContentType, File.ReadAllBytes(path));
            if (sharedImages is not null) sharedImages[path] = media;
        }
        var id = package.Relate(part, media, Pml.ImageRel, NextId());
        images[path] = (id, info);
        return (id, info);
    }
}
