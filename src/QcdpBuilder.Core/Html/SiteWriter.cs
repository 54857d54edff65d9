using System.Text;
using QcdpBuilder.Branding;
using QcdpBuilder.Decks;
using QcdpBuilder.Documents;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Html.HtmlText;

namespace QcdpBuilder.Html;

/// <summary>
/// Writes a <see cref="Site"/> as static files: one HTML page per document and per deck, the
/// branded stylesheet, the slide viewer script, the font, the logo and every picture, all
/// linked relatively so the site works from <c>file://</c> without any network request.
/// Rendering is deferred (as for every artefact) and deterministic.
/// </summary>
public static class SiteWriter
{
    const string Css = "assets/site.css", Script = "assets/slides.js";

    public static IReadOnlyList<SiteFile> Files(Site site)
    {
        var brand = site.Brand;
        var images = ImageNames(site);
        var files = new List<SiteFile>
        {
            new(Css, "templates", () => Utf8(Stylesheet(brand))),
            new(Script, "templates", () => Utf8(Assets.Text("Html/slides.js"))),
        };
        foreach (var (face, path) in FontFaces(brand))
            files.Add(new($"assets/fonts/{face}.ttf", site.Profile, () => File.ReadAllBytes(path)));
        if (brand.LogoPath is { } logo)
            files.Add(new(LogoFile(brand)!, site.Profile, () => File.ReadAllBytes(logo)));
        // A picture's name depends on every other picture (names are numbered when two share one), so the names
        // are part of what pages and pictures show beyond their own inputs.
        var context = site.Context + "\n" + string.Join("\n", images.OrderBy(i => i.Value, StringComparer.Ordinal).Select(i => $"{i.Value} {i.Key}"));
        foreach (var (path, name) in images.OrderBy(i => i.Value, StringComparer.Ordinal))
            files.Add(new(name, "content/images", () => File.ReadAllBytes(path)) { Inputs = [path], Context = context });

        string ImageHref(Image img) => images[img.Path];
        foreach (var page in site.Pages)
            files.Add(new(page.File, page.Source, () => Utf8(DocumentPage(site, page, ImageHref)))
            {
                Inputs = page.Inputs.Concat(Pictures(page.Document.Blocks)).Distinct().ToList(),
                Context = context,
            });
        foreach (var deck in site.Decks)
            files.Add(new(deck.File, deck.Source, () => Utf8(DeckPage(site, deck, ImageHref)))
            {
                Inputs = deck.Inputs.Concat(deck.Deck.Slides.SelectMany(SlideBlocks).SelectMany(Pictures)).Distinct().ToList(),
                Context = context,
            });
        return files;
    }

    static IEnumerable<IEnumerable<Block>> SlideBlocks(Slide s) => [s.Body, s.Right, s.Picture is { } pic ? new Block[] { pic } : [], s.Notes];

    static IEnumerable<string> Pictures(IEnumerable<Block> blocks)
    {
        var found = new List<string>();
        Walk(blocks, img => found.Add(img.Path));
        return found;
    }

    static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    // ---------------- pages ----------------

    static string DocumentPage(Site site, SitePage page, Func<Image, string> imageHref)
    {
        var w = new HtmlWriter(imageHref);
        w.Blocks(page.Document.Blocks);
        return Frame(site, page.File, page.Document.Title, page.Document.Subtitle, page.Breadcrumbs, page.Section, w.ToString(), scripts: false, crumb: page.Document.Title);
    }

    /// <summary>
    /// A deck as a page: every slide is a section, all shown when scripts do not run (and in
    /// print); the viewer script shows one at a time, with buttons and the arrow keys.
    /// </summary>
    static string DeckPage(Site site, DeckPage page, Func<Image, string> imageHref)
    {
        var deck = page.Deck;
        var w = new HtmlWriter(imageHref);
        if (page.Downloads.Count > 0)
        {
            w.Raw("<p class=\"downloads\">Download: ");
            w.Raw(string.Join(" · ", page.Downloads.Select(d => $"<a href=\"{Attr(SafeHref(d.Href) ?? "#")}\">{Escape(d.Text)}</a>")));
            w.Raw("</p>\n");
        }
        var n = deck.Slides.Count;
        w.Raw("<div class=\"deck\" data-deck>\n");
        w.Raw("<div class=\"deck-controls\" data-controls hidden>\n<button type=\"button\" data-prev>Previous slide</button>\n");
        w.Raw($"<p class=\"counter\" aria-live=\"polite\">Slide <span data-current>1</span> of {n}</p>\n");
        w.Raw("<button type=\"button\" data-next>Next slide</button>\n</div>\n");
        w.Raw("<p class=\"deck-help\" data-help hidden>Use the arrow keys or the buttons to move between slides.</p>\n");
        for (var i = 0; i < n; i++)
        {
            var s = deck.Slides[i];
            var id = $"slide-{i + 1}";
            w.Raw($"<section class=\"slide {LayoutClass(s.Layout)}\" id=\"{id}\" aria-labelledby=\"{id}-title\">\n<div class=\"slide-frame\">\n");
            var title = s.Title.Length > 0 ? s.Title : $"Slide {i + 1}";
            w.Raw($"<h2 id=\"{id}-title\"{(s.Title.Length > 0 ? "" : " class=\"visually-hidden\"")}>").Raw(Escape(title)).Raw("</h2>\n");
            w.HeadingLevel = 2;
            if (s.Subtitle is { } sub) w.Raw("<p class=\"slide-subtitle\">").Raw(Escape(sub)).Raw("</p>\n");
            if (s.Right.Count > 0)
            {
                w.Raw("<div class=\"columns\">\n<div class=\"column\">\n").Blocks(s.Body).Raw("</div>\n<div class=\"column\">\n");
                w.Blocks(s.Right).Raw("</div>\n</div>\n");
            }
            else
            {
                if (s.Picture is not null && s.Body.Count > 0) w.Raw("<div class=\"columns\">\n<div class=\"column\">\n").Blocks(s.Body).Raw("</div>\n<div class=\"column\">\n").Blocks([s.Picture]).Raw("</div>\n</div>\n");
                else w.Blocks(s.Body).Blocks(s.Picture is null ? [] : [s.Picture]);
            }
            w.Raw($"<p class=\"slide-number\" aria-hidden=\"true\">{i + 1} / {n}</p>\n</div>\n");
            if (s.Notes.Count > 0)
            {
                w.Raw("<details class=\"speaker-notes\">\n<summary>Speaker notes</summary>\n");
                w.Blocks(s.Notes).Raw("</details>\n");
            }
            w.Raw("</section>\n");
        }
        w.Raw("</div>\n");
        return Frame(site, page.File, deck.Title, deck.Subtitle, page.Breadcrumbs, page.Section, w.ToString(), scripts: true, crumb: "Slides");
    }

    static string LayoutClass(SlideLayout layout) => "layout-" + Content.Slugs.Make(SlideLayoutNames.Of(layout));

    /// <summary>The frame every page shares: skip link, banner, navigation, breadcrumbs, main, footer.</summary>
    static string Frame(Site site, string file, string title, string? subtitle, IReadOnlyList<NavLink> crumbs, string? section, string body, bool scripts, string crumb)
    {
        var b = site.Brand;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // Defence in depth: even if content slipped past escaping, nothing but our own files could load or run.
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'\">\n");
        sb.Append($"<title>{Escape(title)} · {Escape(b.ProgrammeTitle)}</title>\n");
        sb.Append($"<link rel=\"stylesheet\" href=\"{Css}\">\n");
        if (scripts) sb.Append($"<script src=\"{Script}\" defer></script>\n");
        sb.Append("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n");
        sb.Append("<header class=\"site-header\">\n<div class=\"wrap\">\n<a class=\"brand\" href=\"index.html\">");
        if (LogoFile(b) is { } logo) sb.Append($"<img src=\"{logo}\" alt=\"{Attr(b.OrganisationName)}\">");
        sb.Append($"<span class=\"programme\">{Escape(b.ProgrammeTitle)}</span></a>\n</div>\n</header>\n");
        sb.Append("<nav class=\"site-nav\" aria-label=\"Main\">\n<ul class=\"wrap\">\n");
        foreach (var link in site.Navigation)
        {
            var current = link.Href == file || link.Href == section;
            sb.Append($"<li><a href=\"{Attr(link.Href)}\"{(current ? " aria-current=\"page\"" : "")}>{Escape(link.Text)}</a></li>\n");
        }
        sb.Append("</ul>\n</nav>\n");
        sb.Append("<div class=\"wrap\">\n");
        if (crumbs.Count > 0)
        {
            sb.Append("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n<ol>\n");
            foreach (var c in crumbs) sb.Append($"<li><a href=\"{Attr(c.Href)}\">{Escape(c.Text)}</a></li>\n");
            sb.Append($"<li><span aria-current=\"page\">{Escape(crumb)}</span></li>\n</ol>\n</nav>\n");
        }
        sb.Append("<main id=\"main\" tabindex=\"-1\">\n");
        sb.Append($"<h1>{Escape(title)}</h1>\n");
        if (subtitle is not null) sb.Append($"<p class=\"subtitle\">{Escape(subtitle)}</p>\n");
        sb.Append(body);
        sb.Append("</main>\n</div>\n");
        sb.Append($"<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p>{Escape(site.Footer)}</p>\n</div>\n</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    // ---------------- brand: stylesheet, fonts, logo ----------------

    static string? LogoFile(Brand b) => b.LogoPath is { } p ? "assets/logo" + Path.GetExtension(p).ToLowerInvariant() : null;

    static IEnumerable<(string Face, string Path)> FontFaces(Brand b) =>
        [("regular", b.Fonts.Regular), ("bold", b.Fonts.Bold), ("italic", b.Fonts.Italic), ("bold-italic", b.Fonts.BoldItalic)];

    /// <summary>The stylesheet asset with the brand filled in; colours that would fail WCAG AA on their background are replaced.</summary>
    public static string Stylesheet(Brand b)
    {
        var white = new Colour(255, 255, 255);
        var values = new Dictionary<string, string>
        {
            ["font"] = CssString(b.BodyFont),
            ["heading-font"] = CssString(b.HeadingFont),
            ["text"] = Readable(b.Background, b.Text).ToString(),
            ["background"] = b.Background.ToString(),
            ["tint"] = b.Tint.ToString(),
            ["tint-text"] = Readable(b.Tint, b.Text).ToString(),
            ["link"] = Readable(b.Background, b.Primary, b.Secondary, b.Text).ToString(),
            ["banner"] = b.Primary.ToString(),
            ["banner-text"] = Readable(b.Primary, white, b.Text).ToString(),
            ["nav"] = b.Secondary.ToString(),
            ["nav-text"] = Readable(b.Secondary, white, b.Text).ToString(),
            ["accent"] = b.Accent.ToString(),
            ["accent-text"] = Readable(b.Accent, b.Text, new Colour(0, 0, 0)).ToString(),
            ["heading"] = Readable(b.Background, b.Secondary, b.Text).ToString(),
            ["slide-title"] = Readable(b.Background, b.Primary, b.Secondary, b.Text).ToString(),
            ["page"] = b.Paper == PaperSize.Letter ? "letter" : "A4",
        };
        return Assets.Fill("Html/site.css", values);
    }

    /// <summary>
    /// The first of <paramref name="candidates"/> that reaches WCAG AA (4.5:1) on <paramref name="background"/>;
    /// failing all, the nearest passing shade of the first, so a brand keeps its hue where it can.
    /// </summary>
    public static Colour Readable(Colour background, params Colour[] candidates)
    {
        foreach (var c in candidates) if (Contrast.Ratio(c, background) >= Contrast.BodyText) return c;
        if (Contrast.Suggest(candidates[0], background, Contrast.BodyText) is { } shade) return shade;
        var (black, white) = (new Colour(0, 0, 0), new Colour(255, 255, 255));
        return Contrast.Ratio(black, background) >= Contrast.Ratio(white, background) ? black : white;
    }

    /// <summary>A font family name as a CSS string: quotes and backslashes dropped (a family name needs neither).</summary>
    static string CssString(string name) => "\"" + new string(name.Where(ch => ch is not ('"' or '\\' or '<' or '>' or '\n' or '\r')).ToArray()) + "\"";

    // ---------------- pictures ----------------

    /// <summary>Every picture the pages show, by absolute path, named after its file (numbered when two differ but share a name).</summary>
    static Dictionary<string, string> ImageNames(Site site)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(Image img)
        {
            if (names.ContainsKey(img.Path)) return;
            var stem = Content.Slugs.Make(Path.GetFileNameWithoutExtension(img.Path));
            if (stem.Length == 0) stem = "image";
            var ext = Path.GetExtension(img.Path).ToLowerInvariant();
            var name = $"images/{stem}{ext}";
            for (var i = 2; !taken.Add(name); i++) name = $"images/{stem}-{i}{ext}";
            names[img.Path] = name;
        }
        foreach (var page in site.Pages) Walk(page.Document.Blocks, Add);
        foreach (var deck in site.Decks)
            foreach (var s in deck.Deck.Slides)
            {
                Walk(s.Body, Add);
                Walk(s.Right, Add);
                if (s.Picture is { } pic) Add(pic);
                Walk(s.Notes, Add);
            }
        return names;
    }

    static void Walk(IEnumerable<Block> blocks, Action<Image> found)
    {
        foreach (var b in blocks)
            switch (b)
            {
                case Image img: found(img); break;
                case Div d: Walk(d.Blocks, found); break;
                case Quote q: Walk(q.Blocks, found); break;
                case ListBlock l: foreach (var item in l.Items) Walk(item.Blocks, found); break;
            }
    }
}
