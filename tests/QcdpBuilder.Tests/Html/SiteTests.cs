using System.Text.RegularExpressions;
using QcdpBuilder.Build;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Html;

/// <summary>The website <c>qcdp build --format html</c> writes, read as files: pages, links, accessibility basics, determinism.</summary>
public partial class SiteTests(MiniSite site) : IClassFixture<MiniSite>
{
    IEnumerable<string> Pages => Directory.GetFiles(site.Dir, "*.html").Select(Path.GetFileName)!;

    [Fact]
    public void Writes_overview_workstream_session_slides_and_downloads_pages_with_their_assets()
    {
        Assert.Equal(["downloads.html", "index.html", "session-1.1-first-session.html", "slides-1.1-first-session.html", "workstream-01-sample.html"],
            Pages.Order(StringComparer.Ordinal));
        foreach (var f in new[] { "assets/site.css", "assets/slides.js", "assets/logo.png", "assets/fonts/regular.ttf", "assets/fonts/bold.ttf", "images/pdsa.png" })
            Assert.True(File.Exists(Path.Combine(site.Dir, f)), f);
        // The site's files are in the manifest like every other output.
        Assert.Contains(site.Result.Files, f => f.Path == "site/index.html" && f.Kind == "site");
        // A plain build has no site.
        Assert.DoesNotContain(PackageBuilder.Plan(new BuildOptions(site.Repo.Root)).Artefacts, a => a.Path.StartsWith("site/"));
    }

    [Fact]
    public void Session_page_has_outcomes_run_sheet_notes_handout_and_downloads()
    {
        var html = site.Page("session-1.1-first-session.html");
        Assert.Contains("<h1>Session 1.1: First session</h1>", html);
        Assert.Contains("<h2 id=\"outcomes\">Outcomes served</h2>", html);
        Assert.Contains("<td>09:00–09:20</td><td>20</td><td>Opening round</td><td>plenary</td><td>Names known.</td>", html);
        Assert.Contains("Say your name and role on Life QI.", html);          // instructions, placeholders filled
        Assert.Contains("<h3 id=\"notes-purpose\">Purpose</h3>", html);       // facilitator notes, nested under their h2
        Assert.Contains("<h3 id=\"handout-sample-worksheet\">Sample worksheet</h3>", html);
        Assert.Contains("<label for=\"c", html);                              // the handout's fill-ins
        Assert.Contains("<li>Slides: <a href=\"../slides/1.1-first-session.pptx\">PowerPoint</a> · <a href=\"../slides/1.1-first-session.pdf\">PDF</a>", html);
        Assert.Contains("href=\"../handouts/sample-worksheet.pdf\"", html);
        Assert.Contains("href=\"slides-1.1-first-session.html\"", html);
    }

    [Fact]
    public void Downloads_page_links_every_file_of_the_package()
    {
        var html = site.Page("downloads.html");
        var files = site.Result.Files.Where(f => !f.Path.StartsWith("site/")).ToList();
        Assert.True(files.Count >= 10);
        foreach (var f in files) Assert.Contains($"href=\"../{f.Path}\"", html);
        Assert.Contains("href=\"../manifest.json\"", html);
    }

    [Fact]
    public void Raw_html_in_content_is_shown_as_text()
    {
        var html = site.Page("session-1.1-first-session.html");
        Assert.Contains("<p>&lt;script&gt;document.title = 'pwned'&lt;/script&gt;</p>", html);
        Assert.Contains("Run the sample with &lt;b&gt;care&lt;/b&gt;.", html);
        foreach (var page in Pages)
            Assert.DoesNotMatch(ScriptTag(), site.Page(page).Replace("<script src=\"assets/slides.js\" defer></script>", ""));
    }

    [Fact]
    public void Every_page_is_accessible_in_structure()
    {
        foreach (var page in Pages)
        {
            var html = site.Page(page);
            Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">", html);
            Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html);
            Assert.Contains("<main id=\"main\"", html);
            Assert.Contains("<nav class=\"site-nav\" aria-label=\"Main\">", html);
            Assert.Single(Regex.Matches(html, "<h1[ >]"));
            var levels = Regex.Matches(html, "<h([1-6])[ >]").Select(m => int.Parse(m.Groups[1].Value)).ToList();
            for (var i = 1; i < levels.Count; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"{page}: h{levels[i - 1]} then h{levels[i]}");
            foreach (Match img in Regex.Matches(html, "<img [^>]*>")) Assert.Matches("alt=\"[^\"]+\"", img.Value);
        }
    }

    [Fact]
    public void Every_link_is_relative_and_resolves_offline()
    {
        foreach (var page in Pages)
            foreach (Match m in Regex.Matches(site.Page(page), "(?:href|src)=\"([^\"]*)\""))
            {
                var url = m.Groups[1].Value.Replace("&amp;", "&");
                if (url.StartsWith("https://") || url.StartsWith("mailto:")) { Assert.StartsWith("href", m.Value); continue; }   // links out, never loads
                Assert.DoesNotMatch("^[a-z]+:|^/", url);
                var file = url.Split('#')[0];
                var target = file.Length == 0 ? Path.Combine(site.Dir, page) : Path.GetFullPath(Path.Combine(site.Dir, file));
                Assert.True(File.Exists(target), $"{page} links to {url}, which is missing");
            }
        var css = File.ReadAllText(Path.Combine(site.Dir, "assets", "site.css"));
        Assert.DoesNotMatch(@"url\(\s*[""']?([a-z]+:|/)|@import", css);
        foreach (Match m in Regex.Matches(css, @"url\(""([^""]+)""\)")) Assert.True(File.Exists(Path.Combine(site.Dir, "assets", m.Groups[1].Value)), m.Value);
    }

    [Fact]
    public void Organisation_names_are_escaped_in_the_frame()
    {
        var html = site.Page("index.html");
        Assert.Contains("alt=\"Smith &amp; Jones &lt;North&gt; NHS Trust\"", html);
        Assert.DoesNotContain("<North>", html);
    }

    [Fact]
    public void Builds_the_same_site_twice_and_never_injects_live_reload()
    {
        var again = PackageBuilder.Run(new BuildOptions(site.Repo.Root) { Site = true, OutputDir = Path.Combine(site.Repo.Root, "output", "again") });
        var first = site.Result.Files.Where(f => f.Path.StartsWith("site/")).ToDictionary(f => f.Path, f => f.Sha256);
        var second = again.Files.Where(f => f.Path.StartsWith("site/")).ToDictionary(f => f.Path, f => f.Sha256);
        Assert.Equal(first, second);
        foreach (var page in Pages) Assert.DoesNotContain("__livereload", site.Page(page));
    }

    [GeneratedRegex("<script(?! src=\"assets/slides.js\")", RegexOptions.IgnoreCase)] private static partial Regex ScriptTag();
}
