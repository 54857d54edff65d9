using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Docs;

/// <summary>
/// The user guide's links: every relative link and picture in README.md, docs/*.md, CONTRIBUTING.md,
/// content/README.md and templates/README.md points at a file or folder that exists, and every #anchor
/// at a heading of the page it names, by GitHub's rules for heading anchors.
/// </summary>
public partial class LinkTests
{
    /// <summary>
    /// Pages of the guide written on other branches at the same time (the contents page links to them). A link to
    /// one is accepted only while the file does not exist; once merged it is checked like any other. Empty this
    /// set when both are on main.
    /// </summary>
    static readonly HashSet<string> WrittenElsewhere = [];

    static IEnumerable<string> Pages(string root) =>
        new[] { "README.md", "CONTRIBUTING.md", "content/README.md", "templates/README.md" }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_relative_link_and_anchor_in_the_guide_resolves()
    {
        var pages = Pages(RepoPaths.Root).ToList();
        Assert.Contains("docs/README.md", pages);
        var problems = pages.SelectMany(p => Check(RepoPaths.Root, p, WrittenElsewhere)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_readme_is_a_short_front_door_with_the_set_up_commands_first()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.True(lines.Length <= 150, $"README.md has {lines.Length} lines; move detail into docs/");
        var commands = lines.Select(l => l.Trim()).Where(l => l.StartsWith("dotnet ", StringComparison.Ordinal) || l.StartsWith("qcdp ", StringComparison.Ordinal)).Take(2);
        Assert.Equal(["dotnet run --project src/QcdpBuilder.Cli -- build", "dotnet test"], commands);
    }

    [Fact]
    public void Every_page_of_the_guide_is_on_its_contents_page()
    {
        var contents = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "README.md"));
        var linked = Links(Parse(contents)).Select(l => l.Url.Split('#')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var page in Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").Select(Path.GetFileName))
            if (page != "README.md") Assert.True(linked.Contains(page!), $"docs/README.md does not link to {page}");
    }

    [Fact]
    public void The_checker_finds_missing_files_and_anchors_but_not_links_in_code()
    {
        var dir = Directory.CreateTempSubdirectory("qcdp-links-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "docs"));
            File.WriteAllText(Path.Combine(dir, "docs", "b.md"), "# Page B\n\n## Rebuilding as you write: `--watch`\n\n## Same\n\n## Same\n");
            File.WriteAllText(Path.Combine(dir, "a.md"), string.Join("\n",
                "# A",
                "[good](docs/b.md#rebuilding-as-you-write---watch) [second same](docs/b.md#same-1) [self](#a) [web](https://example.org/x.md)",
                "[no file](docs/c.md) [no anchor](docs/b.md#nothing) [no self anchor](#nowhere) [third same](docs/b.md#same-2)",
                "![picture](images/none.png) [folder](docs/) [later](docs/pending.md)",
                "`[in code](missing.md)`",
                "",
                "    [indented code](missing.md)",
                ""));
            Assert.Equal([
                "a.md:3: docs/c.md: no such file or folder",
                "a.md:3: docs/b.md#nothing: no heading in docs/b.md has the anchor #nothing",
                "a.md:3: #nowhere: no heading in a.md has the anchor #nowhere",
                "a.md:3: docs/b.md#same-2: no heading in docs/b.md has the anchor #same-2",
                "a.md:4: images/none.png: no such file or folder",
            ], Check(dir, "a.md", ["docs/pending.md"]));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("Session packs (qcdp pack)", "session-packs-qcdp-pack")]
    [InlineData("Rebuilding as you write: `--watch`", "rebuilding-as-you-write---watch")]
    [InlineData("A downloaded binary (no .NET needed)", "a-downloaded-binary-no-net-needed")]
    [InlineData("Design, for contributors to the code", "design-for-contributors-to-the-code")]
    [InlineData("**Bold** and _snake_case_ – 10:30", "bold-and-snake_case--1030")]
    [InlineData("Café → Zürich", "café--zürich")]
    public void Anchors_follow_GitHubs_heading_rules(string heading, string anchor)
    {
        var block = Parse("## " + heading).Descendants<HeadingBlock>().Single();
        Assert.Equal(anchor, Slug(HeadingText(block.Inline)));
    }

    /// <summary>The problems with one page's relative links, as "page:line: link: what is wrong".</summary>
    static List<string> Check(string root, string page, HashSet<string> writtenElsewhere)
    {
        var problems = new List<string>();
        var doc = Parse(File.ReadAllText(Path.Combine(root, page)));
        foreach (var (url, line) in Links(doc))
        {
            if (url.Length == 0 || AbsoluteRx().IsMatch(url) || url.StartsWith("//", StringComparison.Ordinal)) continue;
            var hash = url.IndexOf('#');
            var pathPart = Uri.UnescapeDataString(hash < 0 ? url : url[..hash]);
            var anchor = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
            var target = pathPart.Length == 0 ? page
                : pathPart.StartsWith('/') ? pathPart.TrimStart('/')
                : Path.GetRelativePath(root, Path.GetFullPath(Path.Combine(root, Path.GetDirectoryName(page) ?? "", pathPart))).Replace('\\', '/');
            var full = Path.Combine(root, target);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                if (!writtenElsewhere.Contains(target)) problems.Add($"{page}:{line}: {url}: no such file or folder");
                continue;
            }
            if (anchor is null || !target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !File.Exists(full)) continue;
            if (!Anchors(File.ReadAllText(full)).Contains(anchor))
                problems.Add($"{page}:{line}: {url}: no heading in {target} has the anchor #{anchor}");
        }
        return problems;
    }

    static MarkdownDocument Parse(string markdown) =>
        Markdig.Markdown.Parse(markdown, new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build());

    /// <summary>Every link and picture outside code, with its 1-based line.</summary>
    static IEnumerable<(string Url, int Line)> Links(MarkdownDocument doc) =>
        doc.Descendants<LinkInline>().Where(l => l.Url is not null).Select(l => (l.Url!, l.Line + 1));

    /// <summary>The anchors GitHub gives a page's headings (and any HTML id or name in it).</summary>
    static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var heading in Parse(markdown).Descendants<HeadingBlock>())
        {
            var slug = Slug(HeadingText(heading.Inline));
            // A repeated heading gets -1, -2 … in order.
            var n = seen.GetValueOrDefault(slug);
            seen[slug] = n + 1;
            anchors.Add(n == 0 ? slug : $"{slug}-{n}");
        }
        foreach (Match m in HtmlIdRx().Matches(markdown)) anchors.Add(m.Groups[1].Value);
        return anchors;
    }

    /// <summary>A heading's text as GitHub reads it for its anchor: code without backticks, emphasis and links as their text.</summary>
    static string HeadingText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        void Walk(Inline? node)
        {
            for (; node is not null; node = node.NextSibling)
                switch (node)
                {
                    case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                    case CodeInline code: text.Append(code.Content); break;
                    case HtmlEntityInline entity: text.Append(entity.Transcoded.ToString()); break;
                    case LineBreakInline: text.Append(' '); break;
                    case ContainerInline container: Walk(container.FirstChild); break;
                }
        }
        Walk(inline?.FirstChild);
        return text.ToString();
    }

    /// <summary>
    /// GitHub's anchor for a heading (github-slugger): lower case; every character removed that is not a letter,
    /// mark, digit, connector (_), hyphen or space; each space then a hyphen.
    /// </summary>
    static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            var category = char.GetUnicodeCategory(c);
            if (c is ' ') slug.Append('-');
            else if (c is '-' || char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                     or UnicodeCategory.EnclosingMark or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.ConnectorPunctuation) slug.Append(c);
        }
        return slug.ToString();
    }

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")] private static partial Regex AbsoluteRx();
    [GeneratedRegex("<a\\s+(?:id|name)=\"([^\"]+)\"", RegexOptions.IgnoreCase)] private static partial Regex HtmlIdRx();
}
