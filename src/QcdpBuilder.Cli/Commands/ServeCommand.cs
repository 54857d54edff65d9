using System.CommandLine;
using System.Net;
using QcdpBuilder.Build;
using QcdpBuilder.Serve;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp serve</c>: builds the package and its website, serves it on 127.0.0.1 and, on every edit, rebuilds what the edit affects.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Where to write the package (default: output/<organisation slug>)" };
        var port = new Option<int>("--port") { Description = "The port to serve on, on 127.0.0.1 only (default 8080)", DefaultValueFactory = _ => 8080 };
        // A port outside 1–65535 is a mistake on the command line (exit 2), not a port another program uses.
        port.Validators.Add(r =>
        {
            // Only a number is checked here: a word is already a conversion error.
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[^1].Value, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is < SiteServer.MinPort or > SiteServer.MaxPort)
                r.AddError($"--port {p}: a port is a number from {SiteServer.MinPort} to {SiteServer.MaxPort}, e.g. --port 9000");
        });
        var command = new Command("serve", "Build the package and its website, serve it on http://127.0.0.1:<port>/ and, whenever content/, templates/ or the organisation's folder change, rebuild what the change affects and reload open pages");
        command.Options.Add(CommonOptions.Org);
        command.Options.Add(output);
        command.Options.Add(port);
        command.SetAction(parse =>
        {
            var report = new Report(CommonOptions.AutoProblemFormat);
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var options = new BuildOptions(root) { Profile = CommonOptions.Organisation(parse.GetValue(CommonOptions.Org)), OutputDir = CommonOptions.FullPath(parse.GetValue(output)) };
            using var preview = new LivePreview(options);
            // Claim the port first: a port in use is found in a moment, not after the whole package is built.
            // Until the first build has finished, requests are answered "being built".
            using var server = new SiteServer(() => preview.OutputDir, parse.GetValue(port), () => preview.Version);
            try { server.Start(); }
            catch (HttpListenerException e)
            {
                Console.Error.WriteLine($"error: cannot serve on {server.Url}: {e.Message}\n  hint: another program uses port {server.Port}; stop it or pass --port <number>");
                return 1;
            }
            if (report.Finish(report.WithProgress("Building", preview.BuildAll), root) is var code && code != 0) return code;
            preview.Rebuilt += (result, sinceChange) => report.Rebuilt(result, sinceChange, root, "open pages reload");
            preview.Watch();
            var folders = string.Join(", ", preview.Folders.Select(f => Path.GetRelativePath(root, f) + "/"));
            Console.WriteLine($"Serving {server.Url}site/index.html (only this computer can see it). Edit {folders} and open pages reload. Ctrl+C stops.");
            using var done = new ManualResetEventSlim();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.Set(); };
            done.Wait();
            return 0;
        });
        return command;
    }
}
