using System.CommandLine;

namespace QcdpBuilder.Cli.Commands;

/// <summary>Options every command shares.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Root = new("--root")
    {
        Description = "The repository to build (default: the nearest folder above the current one that holds content/programme.yaml)",
        Recursive = true,
    };

    /// <summary>
    /// How <c>qcdp validate</c> prints problems. Other commands print text, or GitHub annotations
    /// when run inside GitHub Actions (GITHUB_ACTIONS=true), so <c>--format</c> stays free for
    /// what a command writes (<c>qcdp build --format html</c>).
    /// </summary>
    public static readonly Option<string> ProblemFormat = new("--format")
    {
        Description = "How to print problems: text (default), github (GitHub Actions annotations) or json (for tools)",
        DefaultValueFactory = _ => "text",
    };

    /// <summary>The problem format for commands without their own: github inside GitHub Actions, else text.</summary>
    public static string AutoProblemFormat =>
        Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true" ? "github" : "text";

    public static readonly Option<string?> Org = new("--org")
    {
        Description = "The organisation to build for: a slug (organisations/<slug>/) or a path to its organisation.yaml (default: default_organisation in content/programme.yaml)",
    };

    /// <summary>
    /// <c>--force</c>: write into an existing folder that holds files qcdp did not write (they are never replaced
    /// or deleted), and replace generated files that were edited since. It never allows the repository, a folder
    /// above it, or content/, templates/ and organisations/.
    /// </summary>
    public static Option<bool> Force() => new("--force") { Description = "Write into a folder that holds other files (qcdp never replaces or deletes them) and replace generated files edited since; never the repository, content/, templates/ or organisations/" };

    /// <summary>An organisation given on the command line: a slug as it is, a path relative to where the user is.</summary>
    public static string? Organisation(string? given) =>
        given is null ? null : QcdpBuilder.Organisations.OrganisationFolders.IsSlug(given) ? given : Path.GetFullPath(given);

    static CommonOptions() => ProblemFormat.AcceptOnlyFromAmong("text", "github", "json");

    /// <summary>Paths given on the command line are relative to where the user is, as in any command.</summary>
    public static string? FullPath(string? given) => given is null ? null : Path.GetFullPath(given);

    /// <summary>The repository root: --root, or the nearest folder up from here with content/programme.yaml.</summary>
    public static string? FindRoot(string? given)
    {
        if (given is not null) return Path.GetFullPath(given);
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "content", "programme.yaml"))) dir = dir.Parent;
        return dir?.FullName;
    }
}
