using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Html;

/// <summary>The mini site and one headless Chromium, shared by the browser tests.</summary>
public sealed class BrowserSite : IDisposable
{
    readonly Lazy<Chromium> browser = new(() => new Chromium());
    public MiniSite Site { get; } = new();
    public Chromium Browser => browser.Value;
    public string Url(string page) => new Uri(Path.Combine(Site.Dir, page)).AbsoluteUri;

    public void Dispose()
    {
        if (browser.IsValueCreated) browser.Value.Dispose();
        Site.Dispose();
    }
}

/// <summary>
/// The site in a real browser, loaded from disk (file://): links resolve, slides step with the
/// keyboard, raw HTML in content stays text, and a screenshot of a session page is kept in
/// /tmp/qcdp-site-session.png for a person to look at.
/// </summary>
public class BrowserTests(BrowserSite fixture) : IClassFixture<BrowserSite>
{
    Chromium B => fixture.Browser;

    [BrowserFact]
    public void Every_link_and_picture_on_every_page_resolves()
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([fixture.Url("index.html")]);
        var checkedTargets = 0;
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url)) continue;
            B.Navigate(url);
            // Every attribute as written (must be relative) and as the browser resolves it.
            var refs = B.Eval<string[][]>("""
                Array.from(document.querySelectorAll('a[href], img[src], link[href], script[src]'))
                  .map(e => [e.getAttribute('href') ?? e.getAttribute('src'), e.href || e.src])
                """);
            Assert.NotEmpty(refs);
            foreach (var pair in refs)
            {
                var (raw, resolved) = (pair[0], pair[1]);
                if (raw.StartsWith("https://") || raw.StartsWith("mailto:")) continue;   // outward links are never loaded by the page
                Assert.False(raw.Contains(':') || raw.StartsWith('/'), $"{url}: '{raw}' is not relative");
                var uri = new Uri(resolved);
                Assert.Equal("file", uri.Scheme);
                Assert.True(File.Exists(uri.LocalPath), $"{url}: '{raw}' points at a missing file");
                if (uri.Fragment.Length > 1 && uri.LocalPath.EndsWith(".html"))
                {
                    // In-page anchors must name an element; check them on their own page.
                    var target = uri.GetLeftPart(UriPartial.Query);
                    if (target == url.Split('#')[0])
                        Assert.True(B.Eval<bool>($"document.getElementById({System.Text.Json.JsonSerializer.Serialize(Uri.UnescapeDataString(uri.Fragment[1..]))}) !== null"), $"{url}: anchor {raw} is missing");
                }
                if (uri.LocalPath.EndsWith(".html") && uri.LocalPath.StartsWith(fixture.Site.Dir)) queue.Enqueue(uri.GetLeftPart(UriPartial.Query));
                checkedTargets++;
            }
            // Every picture decoded (a broken image has no natural width).
            Assert.Equal(0, B.Eval<int>("Array.from(document.images).filter(i => i.complete && i.naturalWidth === 0).length"));
        }
        Assert.Equal(5, seen.Count);
        Assert.True(checkedTargets > 40, $"only {checkedTargets} links checked");
    }

    [BrowserFact]
    public void Slides_step_with_the_arrow_keys()
    {
        B.Navigate(fixture.Url("slides-1.1-first-session.html"));
        string Visible() => B.Eval<string>("Array.from(document.querySelectorAll('.slide')).filter(s => !s.hidden && s.offsetHeight > 0).map(s => s.id).join(',')");
        Assert.Equal("slide-1", Visible());
        Assert.Equal("", B.Eval<string>("location.hash"));
        Assert.Equal("Slide 1 of 5", B.Eval<string>("document.querySelector('.counter').textContent"));
        B.Press("ArrowRight", 39);
        Assert.Equal("slide-2", Visible());
        Assert.Equal("Slide 2 of 5", B.Eval<string>("document.querySelector('.counter').textContent"));
        Assert.Equal("Part one", B.Eval<string>("document.querySelector('#slide-2 h2').textContent"));
        Assert.Equal("#slide-2", B.Eval<string>("location.hash"));   // the address names the slide, so it can be shared
        B.Press("ArrowRight", 39);
        B.Press("ArrowLeft", 37);
        Assert.Equal("slide-2", Visible());
        B.Press("End", 35);
        Assert.Equal("slide-5", Visible());
        Assert.True(B.Eval<bool>("document.querySelector('[data-next]').disabled"));
        // The page's font and stylesheet load from disk.
        Assert.True(B.Eval<bool>("document.fonts.check('16px \"Atkinson Hyperlegible\"')"));
    }

    [BrowserFact]
    public void Script_in_content_shows_as_text_and_does_not_run()
    {
        B.Navigate(fixture.Url("session-1.1-first-session.html"));
        Assert.Equal("Session 1.1: First session · Sample Programme", B.Eval<string>("document.title"));
        Assert.True(B.Eval<bool>($"Array.from(document.querySelectorAll('main p')).some(p => p.textContent === {System.Text.Json.JsonSerializer.Serialize(MiniSite.Attack)})"));
        Assert.Equal(0, B.Eval<int>("document.querySelectorAll('main script, main b').length"));
    }

    [BrowserFact]
    public void Screenshot_of_a_session_page()
    {
        B.Navigate(fixture.Url("session-1.1-first-session.html"));
        var png = B.Screenshot();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "qcdp-site-session.png"), png);
        // Keyboard users can reach the skip link first and see it.
        B.Press("Tab", 9);
        Assert.Equal("skip-link", B.Eval<string>("document.activeElement.className"));
        Assert.True(B.Eval<double>("document.activeElement.getBoundingClientRect().top") >= 0);
    }

    [BrowserFact]
    public void Served_pages_reload_after_a_rebuild()
    {
        using var repo = new MiniRepo();
        using var preview = new QcdpBuilder.Serve.LivePreview(new QcdpBuilder.Build.BuildOptions(repo.Root));
        Assert.False(preview.BuildAll().Diagnostics.HasErrors);
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var server = new QcdpBuilder.Serve.SiteServer(preview.OutputDir!, port, () => preview.Version);
        server.Start();

        B.Navigate($"{server.Url}site/index.html");
        Assert.Equal("A tiny programme for tests.", B.Eval<string>("document.querySelector('main h1 + p + p').textContent"));
        B.Eval<int>("window.staleMarker = 1");
        // The reload script polls the version; wait until it has read it once.
        B.Eval<bool>("new Promise(r => setTimeout(() => r(true), 1200))");
        repo.Edit("content/programme.yaml", s => s.Replace("summary: A tiny programme for tests.", "summary: An edited programme."));
        var rebuilt = preview.Rebuild([repo.PathOf("content/programme.yaml")]);
        Assert.False(rebuilt.Failed, string.Join("\n", rebuilt.Diagnostics.Items));
        Assert.Contains("site/index.html", rebuilt.Written);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (B.Eval<bool>("window.staleMarker === 1 || document.readyState !== 'complete'") && DateTime.UtcNow < deadline) Thread.Sleep(100);
        Assert.Equal("An edited programme.", B.Eval<string>("document.querySelector('main h1 + p + p').textContent"));
    }
}
