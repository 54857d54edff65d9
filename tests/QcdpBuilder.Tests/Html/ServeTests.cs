using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using QcdpBuilder.Build;
using QcdpBuilder.Serve;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Html;

/// <summary><c>qcdp serve</c>: loopback only, files inside the output folder only, rebuild and live reload on edit.</summary>
public class ServeTests
{
    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>A raw request, so the path reaches the server exactly as written (HttpClient would tidy "../" away).</summary>
    static (int Status, string Body) Get(int port, string path)
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, port);
        using var stream = client.GetStream();
        stream.Write(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"));
        var response = new StreamReader(stream, Encoding.UTF8).ReadToEnd();
        var status = int.Parse(response.Split(' ')[1]);
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return (status, body);
    }

    [Theory]
    [InlineData("/site/index.html", "site/index.html")]
    [InlineData("/site/", "site/index.html")]
    [InlineData("/slides/a%20b.pdf", "slides/a b.pdf")]
    [InlineData("/site/../../secret", null)]
    [InlineData("/site/%2e%2e/%2e%2e/secret", null)]
    [InlineData("/..%2f..%2fsecret", null)]
    [InlineData("//etc/passwd", null)]
    [InlineData("/C:/Windows/win.ini", null)]
    [InlineData("/site\\..\\..\\secret", null)]
    [InlineData("/a%00.html", null)]
    public void Paths_resolve_only_inside_the_folder(string url, string? expected)
    {
        var root = Path.Combine(Path.GetTempPath(), "qcdp-serve-root");
        Directory.CreateDirectory(Path.Combine(root, "site"));
        Assert.Equal(expected is null ? null : Path.Combine(root, expected), SiteServer.Resolve(root, url));
    }

    [Fact]
    public void Serves_the_site_refuses_escapes_and_rebuilds_on_edit()
    {
        using var repo = new MiniRepo();
        using var preview = new LivePreview(new BuildOptions(repo.Root));
        var built = preview.BuildAll();
        Assert.False(built.Diagnostics.HasErrors, string.Join("\n", built.Diagnostics.Items));
        File.WriteAllText(Path.Combine(repo.Root, "output", "secret.txt"), "not for the browser");

        var port = FreePort();
        using var server = new SiteServer(preview.OutputDir!, port, () => preview.Version);
        server.Start();
        Assert.Equal($"http://127.0.0.1:{port}/", server.Url);

        var (status, body) = Get(port, "/site/index.html");
        Assert.Equal(200, status);
        Assert.Contains("<h1>Sample Programme</h1>", body);
        Assert.Contains("<script src=\"/__livereload.js\" defer></script>\n</body>", body);   // injected when served…
        Assert.DoesNotContain("__livereload", File.ReadAllText(Path.Combine(preview.OutputDir!, "site", "index.html")));   // …never on disk
        Assert.Equal(301, Get(port, "/").Status);
        Assert.Equal(200, Get(port, "/slides/1.1-first-session.pptx").Status);
        Assert.Equal(200, Get(port, "/__livereload.js").Status);
        Assert.Equal(404, Get(port, "/site/missing.html").Status);
        Assert.Equal(400, Get(port, "/../secret.txt").Status);
        Assert.Equal(400, Get(port, "/site/%2e%2e/../secret.txt").Status);

        var before = Get(port, "/__version").Body;
        var rebuilt = new TaskCompletionSource<RebuildResult>();
        preview.Rebuilt += (r, _) => rebuilt.TrySetResult(r);
        preview.Watch(TimeSpan.FromMilliseconds(100));
        repo.Edit(MiniRepo.Session, s => s.Replace("summary: A session at {{org.name}}.", "summary: An edited session."));
        Assert.True(rebuilt.Task.Wait(TimeSpan.FromSeconds(60)), "no rebuild after the edit");
        Assert.False(rebuilt.Task.Result.Failed, string.Join("\n", rebuilt.Task.Result.Diagnostics.Items));
        Assert.False(rebuilt.Task.Result.Everything);
        Assert.Contains("site/session-1.1-first-session.html", rebuilt.Task.Result.Written);
        Assert.NotEqual(before, Get(port, "/__version").Body);
        Assert.Contains("An edited session.", Get(port, "/site/session-1.1-first-session.html").Body);
        Assert.True(File.Exists(Path.Combine(preview.OutputDir!, "slides", "1.1-first-session.pptx")));   // the rest of the package stays
    }

    static Dictionary<string, string> Hashes(string dir) =>
        OutputFiles.Of(dir).ToDictionary(
            f => Path.GetRelativePath(dir, f).Replace('\\', '/'), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void An_edit_rewrites_only_what_it_affects_pages_and_package_files_alike_and_matches_a_clean_html_build()
    {
        using var repo = new MiniRepo();
        using var preview = new LivePreview(new BuildOptions(repo.Root));
        Assert.False(preview.BuildAll().Diagnostics.HasErrors);
        var before = Hashes(preview.OutputDir!);
        var version = preview.Version;

        repo.Edit(MiniRepo.Slides, s => s.Replace("Meet each other", "Meet one another"));
        var r = preview.Rebuild([repo.PathOf(MiniRepo.Slides)]);

        Assert.False(r.Failed, string.Join("\n", r.Diagnostics.Items));
        string[] deck = ["site/slides-1.1-first-session.html", "slides/1.1-first-session-notes.pdf", "slides/1.1-first-session-speaker-notes.pdf",
            "slides/1.1-first-session.pdf", "slides/1.1-first-session.pptx"];
        Assert.Equal(deck, r.Written.Order(StringComparer.Ordinal));
        Assert.True(preview.Version > version);   // open pages reload
        var after = Hashes(preview.OutputDir!);
        Assert.Equal([.. deck.Append("manifest.json").Order(StringComparer.Ordinal)], after.Keys.Where(k => before[k] != after[k]).Order(StringComparer.Ordinal));
        // What is served is byte for byte a clean qcdp build --format html of the edited content.
        var clean = PackageBuilder.Run(new BuildOptions(repo.Root) { Site = true, OutputDir = Path.Combine(repo.Root, "clean") });
        Assert.Equal(Hashes(clean.OutputDir!), after);

        // A save that changes no output rewrites nothing, and open pages are left alone.
        version = preview.Version;
        var same = preview.Rebuild([repo.PathOf(MiniRepo.Slides)]);
        Assert.Empty(same.Written);
        Assert.Equal(version, preview.Version);
    }

    [Fact]
    public void A_rebuild_with_errors_keeps_the_last_good_site_and_the_next_good_save_catches_up()
    {
        using var repo = new MiniRepo();
        using var preview = new LivePreview(new BuildOptions(repo.Root));
        Assert.False(preview.BuildAll().Diagnostics.HasErrors);
        var page = Path.Combine(preview.OutputDir!, "site", "session-1.1-first-session.html");
        var good = File.ReadAllText(page);
        var version = preview.Version;
        repo.Edit(MiniRepo.Session, s => s.Replace("summary:", "sumary:"));
        var r = preview.Rebuild([repo.PathOf(MiniRepo.Session)]);
        Assert.True(r.Failed);
        Assert.Empty(r.Written);
        Assert.Contains(r.Diagnostics.Items, d => d.Message.Contains("unknown key 'sumary'"));
        Assert.Equal(good, File.ReadAllText(page));
        Assert.Equal(version, preview.Version);

        repo.Edit(MiniRepo.Session, s => s.Replace("sumary: A session at {{org.name}}.", "summary: Mended."));
        var mended = preview.Rebuild([repo.PathOf(MiniRepo.Session)]);
        Assert.False(mended.Failed, string.Join("\n", mended.Diagnostics.Items));
        Assert.Contains("Mended.", File.ReadAllText(page));
        Assert.True(preview.Version > version);
    }
}
