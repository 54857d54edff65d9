using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using Spectre.Console;

namespace QcdpBuilder.Cli.Commands;

/// <summary>Prints progress, problems and the summary table; decides the exit code.</summary>
public sealed class Report(string format)
{
    readonly bool github = format == "github";
    readonly bool json = format == "json";
    readonly IAnsiConsole err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public int NoRoot()
    {
        err.MarkupLine("[red]error:[/] no content/programme.yaml here or in any folder above; run qcdp from the repository or pass --root <dir>");
        return 2;
    }

    public BuildResult WithProgress(string what, Func<Action<string>, BuildResult> run)
    {
        if (github || json || Console.IsErrorRedirected) return run(_ => { });
        BuildResult? result = null;
        err.Status().Start(what + "…", ctx => result = run(step => ctx.Status($"{what}: {Markup.Escape(step)}")));
        return result!;
    }

    /// <summary>One line per watch rebuild (what was rendered and rewritten, and how long after the change), or its problems.</summary>
    /// <param name="then">What happens next, for the end of the line (serve: "open pages reload").</param>
    public void Rebuilt(RebuildResult result, TimeSpan sinceChange, string root, string? then = null)
    {
        Problems(result.Diagnostics);
        var now = DateTime.Now.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        if (result.Failed)
        {
            Console.Error.WriteLine($"[{now}] {Count(result.Diagnostics.ErrorCount, "error")}: nothing rewritten; the previous files stay. Fix and save to try again.");
            return;
        }
        // A long list (a session.yaml edit re-renders every page that shows the timetable) is cut short.
        var what = result.Everything ? "everything" : result.Rendered.Count == 0 ? "nothing affected"
            : result.Rendered.Count <= 8 ? string.Join(", ", result.Rendered) : $"{string.Join(", ", result.Rendered.Take(6))} and {result.Rendered.Count - 6} more";
        Console.WriteLine($"[{now}] rebuilt {what}: {result.Written.Count} file(s) rewritten{(result.Removed.Count > 0 ? $", {result.Removed.Count} removed" : "")}, " +
            $"{sinceChange.TotalMilliseconds:N0} ms from the change to written files ({result.Elapsed.TotalMilliseconds:N0} ms building: " +
            $"{result.Planning.TotalMilliseconds:N0} ms planning, {(result.Elapsed - result.Planning).TotalMilliseconds:N0} ms rendering and writing)" +
            (then is null || result.Written.Count + result.Removed.Count == 0 ? "." : $"; {then}."));
    }

    /// <summary>"1 error", "2 warnings": counts in plain English.</summary>
    static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    /// <param name="writes">False for <c>qcdp validate</c>, which never writes, so it never says that nothing was written.</param>
    public int Finish(BuildResult result, string root, bool quiet = false, bool writes = true)
    {
        var d = result.Diagnostics;
        if (json)
        {
            // One JSON document on stdout for tools; nothing else is printed there.
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                errors = d.ErrorCount,
                warnings = d.WarningCount,
                diagnostics = d.Sorted().Select(x => new { severity = x.SeverityText, rule = x.Rule, file = x.File, line = x.Line, column = x.Column, message = x.Message, hint = x.Hint }),
            }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return d.HasErrors ? 1 : 0;
        }
        Problems(d);
        if (d.HasErrors)
        {
            Console.Error.WriteLine(writes
                ? $"{Count(d.ErrorCount, "error")}, {Count(d.WarningCount, "warning")}. Nothing was written; any earlier output is unchanged."
                : $"{Count(d.ErrorCount, "error")}, {Count(d.WarningCount, "warning")}.");
            return 1;
        }
        if (result.OutputDir is { } outDir)
        {
            var table = new Table().AddColumn("Kind").AddColumn(new TableColumn("Files").RightAligned()).AddColumn(new TableColumn("KB").RightAligned());
            foreach (var g in result.Files.GroupBy(f => f.Path.Split('/')[0]).OrderBy(g => g.Key))
                table.AddRow(g.Key, g.Count().ToString(), (g.Sum(f => f.Bytes) / 1024).ToString("N0"));
            if (!github) err.Write(table);
            Console.WriteLine($"Wrote {result.Files.Count} files to {QcdpBuilder.Output.OutputPolicy.Display(root, outDir)} ({Count(d.WarningCount, "warning")}).");
        }
        else if (!quiet) Console.WriteLine($"Content is valid: 0 errors, {Count(d.WarningCount, "warning")}.");
        return 0;
    }

    /// <summary>Prints every problem: GitHub annotations on stdout, or plain <c>file:line:column</c> lines on stderr.</summary>
    public void Problems(DiagnosticBag d)
    {
        foreach (var item in d.Sorted())
        {
            if (github) Console.WriteLine(item.ToGitHubAnnotation());
            else
            {
                // Plain lines, never wrapped, so editors and scripts can jump to file:line:column.
                var colour = item.Severity == Severity.Error ? "\u001b[31m" : "\u001b[33m";
                var (on, off) = Console.IsErrorRedirected ? ("", "") : (colour, "\u001b[0m");
                Console.Error.WriteLine($"{item.Location}: {on}{item.Label}:{off} {item.Message}");
                if (item.Hint is not null) Console.Error.WriteLine($"  hint: {item.Hint}");
            }
        }
    }
}
