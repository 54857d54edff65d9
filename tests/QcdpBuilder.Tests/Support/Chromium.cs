using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QcdpBuilder.Tests.Support;

/// <summary>
/// Headless Chromium driven over the DevTools protocol (a WebSocket, no extra packages):
/// navigate, evaluate JavaScript, press keys, take screenshots. One browser per instance.
/// </summary>
public sealed class Chromium : IDisposable
{
    /// <summary>The browser binary, or null when it is not installed.</summary>
    public static string? Binary => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    readonly Process process;
    readonly ClientWebSocket socket = new();
    readonly string profile = Path.Combine(Path.GetTempPath(), "qcdp-chromium-" + Guid.NewGuid().ToString("N")[..8]);
    int nextId;

    public Chromium(int width = 1200, int height = 1000)
    {
        var psi = new ProcessStartInfo(Binary ?? throw new InvalidOperationException("chromium is not installed"))
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-sync", "--remote-debugging-port=0", $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank" })
            psi.ArgumentList.Add(a);
        process = Process.Start(psi)!;
        process.StandardOutput.ReadToEndAsync();
        // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" when it is ready.
        var endpoint = ReadEndpoint();
        var port = new Uri(endpoint).Port;
        using var http = new HttpClient();
        var targets = JsonNode.Parse(http.GetStringAsync($"http://127.0.0.1:{port}/json/list").Result)!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None).Wait();
        Send("Page.enable");
        Send("Runtime.enable");
    }

    string ReadEndpoint()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = process.StandardError.ReadLine() ?? throw new InvalidOperationException("chromium exited before it was ready");
            var at = line.IndexOf("ws://", StringComparison.Ordinal);
            if (line.StartsWith("DevTools listening on") && at >= 0)
            {
                process.StandardError.ReadToEndAsync();
                return line[at..].Trim();
            }
        }
        throw new TimeoutException("chromium did not open its DevTools port");
    }

    /// <summary>Sends one DevTools command and returns its result (events in between are skipped).</summary>
    public JsonNode Send(string method, object? parameters = null)
    {
        var id = ++nextId;
        var message = JsonSerializer.Serialize(new { id, method, @params = parameters ?? new { } });
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None).Wait();
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var ms = new MemoryStream();
            WebSocketReceiveResult r;
            do
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                r = socket.ReceiveAsync(buffer, timeout.Token).Result;
                ms.Write(buffer, 0, r.Count);
            } while (!r.EndOfMessage);
            var reply = JsonNode.Parse(ms.ToArray())!;
            if ((int?)reply["id"] != id) continue;
            if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
            return reply["result"]!;
        }
    }

    /// <summary>Opens a URL and waits until the page and its scripts have loaded.</summary>
    public void Navigate(string url)
    {
        Send("Page.navigate", new { url });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        // Navigation is asynchronous: wait until the new document (not the old one) is complete.
        while (Eval<string>("document.readyState + ' ' + location.href") is var state && !(state.StartsWith("complete ") && Same(state[9..], url)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url} did not load ({state})");
            Thread.Sleep(25);
        }
    }

    static bool Same(string a, string b) => Uri.UnescapeDataString(a.Split('#')[0]) == Uri.UnescapeDataString(b.Split('#')[0]);

    /// <summary>Evaluates a JavaScript expression in the page and returns its value.</summary>
    public T Eval<T>(string expression)
    {
        var result = Send("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result["exceptionDetails"] is { } ex) throw new InvalidOperationException($"{expression}: {ex.ToJsonString()}");
        return result["result"]!["value"]!.Deserialize<T>()!;
    }

    /// <summary>Presses and releases a key, as a user would.</summary>
    public void Press(string key, int keyCode)
    {
        Send("Input.dispatchKeyEvent", new { type = "keyDown", key, code = key, windowsVirtualKeyCode = keyCode, nativeVirtualKeyCode = keyCode });
        Send("Input.dispatchKeyEvent", new { type = "keyUp", key, code = key, windowsVirtualKeyCode = keyCode, nativeVirtualKeyCode = keyCode });
    }

    /// <summary>A PNG of the whole page.</summary>
    public byte[] Screenshot()
    {
        var result = Send("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true });
        return Convert.FromBase64String((string)result["data"]!);
    }

    public void Dispose()
    {
        try { socket.Dispose(); } catch (Exception) { }
        try { if (!process.HasExited) { process.Kill(entireProcessTree: true); process.WaitForExit(5000); } } catch (Exception) { }
        process.Dispose();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A test that needs headless Chromium; skipped, saying why, when it is not installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Binary is null) Skip = "chromium is not installed (apt-get install chromium); the browser tests of the HTML site did not run";
    }
}
