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

    public static readonly Option<string> Format = new("--format")
    {
        Description = "How to print problems: text (default) or github (GitHub Actions annotations)",
        DefaultValueFactory = _ => "text",
        Recursive = true,
    };

    public static readonly Option<string?> Org = new("--org")
    {
        Description = "The organisation profile to build for (default: content/organisation.yaml)",
    };

    static CommonOptions() => Format.AcceptOnlyFromAmong("text", "github");

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
