using QcdpBuilder.Branding;
using QcdpBuilder.Decks;
using QcdpBuilder.Documents;

namespace QcdpBuilder.Html;

/// <summary>
/// The programme as a website, before it is written: pages that are documents, pages that
/// are decks, and the navigation between them. Built by <c>Build/SiteContent.cs</c> from the
/// same documents and decks as the package; written by <see cref="SiteWriter"/>.
/// </summary>
public sealed record Site(Brand Brand, IReadOnlyList<NavLink> Navigation, IReadOnlyList<SitePage> Pages, IReadOnlyList<DeckPage> Decks)
{
    /// <summary>The line in every page's footer (version, licence, organisation).</summary>
    public string Footer { get; init; } = "";
    /// <summary>The organisation profile the brand came from (the source of the font and logo files).</summary>
    public string Profile { get; init; } = "";
    /// <summary>
    /// Facts from the whole build that pages show beyond their own content files (the list of package files
    /// they link to), for incremental rebuilds: see <see cref="SiteFile.Context"/>.
    /// </summary>
    public string Context { get; init; } = "";
}

/// <summary>A link: its text and a relative target.</summary>
public sealed record NavLink(string Text, string Href);

/// <summary>A page showing one document. <see cref="File"/> is relative to the site folder; <see cref="Source"/> is the content it came from.</summary>
public sealed record SitePage(string File, Document Document, string Source)
{
    /// <summary>The trail from the overview to this page (excluding the page itself).</summary>
    public IReadOnlyList<NavLink> Breadcrumbs { get; init; } = [];
    /// <summary>The navigation entry this page belongs under (marked as current).</summary>
    public string? Section { get; init; }
    /// <summary>The content files (full paths) the page shows, pictures aside (<see cref="SiteWriter"/> adds those).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];
}

/// <summary>A page showing a deck one slide at a time, with links to download it.</summary>
public sealed record DeckPage(string File, Deck Deck, string Source)
{
    public IReadOnlyList<NavLink> Breadcrumbs { get; init; } = [];
    public IReadOnlyList<NavLink> Downloads { get; init; } = [];
    public string? Section { get; init; }
    /// <summary>The content files (full paths) the page shows, pictures aside.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];
}

/// <summary>One file of the site: its path inside the site folder, its source and how to make it.</summary>
public sealed record SiteFile(string Path, string Source, Func<byte[]> Render)
{
    /// <summary>
    /// The content files (full paths) it is made from; empty for the brand's files (stylesheet, script, font,
    /// logo), which change only with files no artefact claims, and those count as inputs of everything.
    /// </summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];
    /// <summary>What else from the whole site it shows (picture names, the package's file list); null for none.</summary>
    public string? Context { get; init; }
}
