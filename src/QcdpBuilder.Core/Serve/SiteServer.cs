using System.Net;
using System.Text;

namespace QcdpBuilder.Serve;

/// <summary>
/// A small static file server for previewing a built package: loopback only, files inside one
/// folder only, and a live-reload hook. HTML pages get a script tag that polls
/// <c>/__version</c> and reloads when the number changes; the files on disk never contain it.
/// </summary>
public sealed class SiteServer : IDisposable
{
    /// <summary>The script the server adds to each HTML page it serves.</summary>
    public const string ReloadScriptPath = "/__livereload.js", VersionPath = "/__version";
    const string ReloadTag = "<script src=\"" + ReloadScriptPath + "\" defer></script>";

    readonly Func<string?> rootOf;
    readonly Func<long> version;
    readonly HttpListener listener = new();
    readonly CancellationTokenSource stop = new();
    Task? loop;

    /// <summary>Serves <paramref name="root"/>; <paramref name="version"/> changes after every rebuild.</summary>
    public SiteServer(string root, int port, Func<long> version) : this(() => root, port, version) { }

    /// <summary>
    /// Serves the folder <paramref name="root"/> gives once it is known (null until then: requests get 503), so
    /// <c>qcdp serve</c> can claim its port before it spends time building the package.
    /// </summary>
    public SiteServer(Func<string?> root, int port, Func<long> version)
    {
        if (port is < MinPort or > MaxPort) throw new ArgumentOutOfRangeException(nameof(port), port, $"a port is a number from {MinPort} to {MaxPort}");
        rootOf = root;
        this.version = version;
        Port = port;
        // 127.0.0.1, never "+" or "*": the preview is for the person at this machine only.
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
    }

    /// <summary>The ports a server may listen on (0 is "any", which a preview address cannot be).</summary>
    public const int MinPort = 1, MaxPort = 65535;

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/";

    public void Start()
    {
        listener.Start();
        loop = Task.Run(Loop);
    }

    async Task Loop()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try { ctx = await listener.GetContextAsync(); }
            catch (Exception) when (stop.IsCancellationRequested || !listener.IsListening) { return; }
            catch (HttpListenerException) { continue; }
            _ = Task.Run(() => Handle(ctx));
        }
    }

    void Handle(HttpListenerContext ctx)
    {
        var response = ctx.Response;
        try
        {
            var (status, type, body) = Respond(ctx.Request.HttpMethod, ctx.Request.RawUrl ?? "/");
            response.StatusCode = status;
            response.ContentType = type;
            response.Headers["Cache-Control"] = "no-store";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            if (status is 301) response.RedirectLocation = "/site/index.html";
            response.ContentLength64 = body.Length;
            if (ctx.Request.HttpMethod != "HEAD") response.OutputStream.Write(body);
        }
        catch (Exception) { /* the browser went away mid-response */ }
        finally { try { response.Close(); } catch (Exception) { } }
    }

    /// <summary>What to send for a request: status, content type and body.</summary>
    public (int Status, string Type, byte[] Body) Respond(string method, string rawUrl)
    {
        if (method is not ("GET" or "HEAD")) return Text(405, "Only GET and HEAD are served.");
        var path = rawUrl.Split('?', '#')[0];
        if (path is "/" or "/site" or "/site/") return (301, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("See /site/index.html"));
        if (path == VersionPath) return Text(200, version().ToString());
        if (path == ReloadScriptPath) return (200, "text/javascript; charset=utf-8", Encoding.UTF8.GetBytes(ReloadScript));
        if (rootOf() is not { } given) return Text(503, "The package is being built; try again in a moment.");
        var root = Path.GetFullPath(given);
        if (Resolve(root, path) is not { } file) return Text(400, "Bad path.");
        // Only regular files inside the output folder once every link is followed: a link placed in the folder
        // (to /etc/passwd, to a FIFO) is not served, and nothing here can block or leave the folder.
        if (!File.Exists(file) || !Content.SourceFiles.IsInside(file, root) || Files.RegularFile.Problem(file) is not null) return Text(404, "Not found.");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Text(404, "Not found."); }
        var type = ContentType(file);
        if (type.StartsWith("text/html")) bytes = Inject(bytes);
        return (200, type, bytes);
    }

    static (int, string, byte[]) Text(int status, string text) => (status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// The file a URL path names inside <paramref name="root"/>, or null when the path tries to
    /// leave it: ".." segments (also percent-encoded), backslashes, drive letters, NUL.
    /// </summary>
    public static string? Resolve(string root, string urlPath)
    {
        string decoded;
        try { decoded = Uri.UnescapeDataString(urlPath); }
        catch (UriFormatException) { return null; }
        if (!decoded.StartsWith('/') || decoded.StartsWith("//") || decoded.Contains('\\') || decoded.Contains(':') || decoded.Contains('\0')) return null;
        var parts = decoded[1..].Split('/');
        if (parts.Any(p => p is ".." or ".")) return null;
        var full = Path.GetFullPath(Path.Combine(root, Path.Combine(parts)));
        var inside = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(inside, StringComparison.Ordinal)) return null;
        return Directory.Exists(full) ? Path.Combine(full, "index.html") : full;
    }

    static byte[] Inject(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        var at = text.LastIndexOf("</body>", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(at < 0 ? text + ReloadTag : text.Insert(at, ReloadTag + "\n"));
    }

    public static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".ttf" => "font/ttf",
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".ics" => "text/calendar; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".txt" => "text/plain; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".zip" => "application/zip",
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        _ => "application/octet-stream",
    };

    /// <summary>Polls the version once a second and reloads the page when a rebuild has finished.</summary>
    const string ReloadScript = """
        (function () {
          var seen = null;
          function poll() {
            fetch("/__version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
              if (seen !== null && v !== seen) location.reload();
              seen = v;
            }).catch(function () { }).then(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        """;

    public void Dispose()
    {
        stop.Cancel();
        try { listener.Stop(); listener.Close(); } catch (ObjectDisposedException) { }
        try { loop?.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}
