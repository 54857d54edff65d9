using DocumentFormat.OpenXml.Packaging;

namespace QcdpBuilder.Pptx;

/// <summary>
/// Hands out relationship ids for one slide or notes part (rId{n}, in order, so output is
/// stable) and adds the image and hyperlink relationships behind them, once per target.
/// </summary>
sealed class PartRels(OpenXmlPart part, int firstFree, Dictionary<string, ImagePart>? sharedImages = null)
{
    int next = firstFree;
    readonly Dictionary<string, string> links = new(StringComparer.Ordinal);
    readonly Dictionary<string, (string Id, ImageInfo Info)> images = new(StringComparer.Ordinal);

    public OpenXmlPart Part => part;

    public string NextId() => $"rId{next++}";

    /// <summary>The relationship id of an external hyperlink, or null when the target is not an absolute web or mail address.</summary>
    public string? Hyperlink(string url)
    {
        if (links.TryGetValue(url, out var known)) return known;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto")) return null;
        var id = NextId();
        part.AddHyperlinkRelationship(uri, true, id);
        links[url] = id;
        return id;
    }

    public (string Id, ImageInfo Info) Image(string path)
    {
        if (images.TryGetValue(path, out var known)) return known;
        var info = ImageInfo.Read(path);
        var id = NextId();
        if (sharedImages is not null && sharedImages.TryGetValue(path, out var existing))
        {
            // The same file on another slide: one media part, several relationships.
            part.AddPart(existing, id);
        }
        else
        {
            ImagePart imagePart = part switch
            {
                SlidePart s => s.AddImagePart(info.PartType, id),
                NotesSlidePart n => n.AddImagePart(info.PartType, id),
                _ => throw new InvalidOperationException("Images belong to slides."),
            };
            using (var from = File.OpenRead(path)) imagePart.FeedData(from);
            if (sharedImages is not null) sharedImages[path] = imagePart;
        }
        images[path] = (id, info);
        return (id, info);
    }
}
