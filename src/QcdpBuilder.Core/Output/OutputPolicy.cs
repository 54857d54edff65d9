using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Output;

/// <summary>
/// Where qcdp may write. Never into the repository itself, a folder above it, or the folders that hold what
/// people wrote (content/, templates/, organisations/, .git/), whatever the options; and never into a folder
/// that holds files of someone else's unless <c>--force</c> says so (even then nothing of theirs is replaced).
/// Paths are compared after following symbolic links, so a link cannot smuggle the output into content/.
/// </summary>
public static class OutputPolicy
{
    /// <summary>Folders of the repository an output may never be in or above, forced or not.</summary>
    static readonly string[] Protected = ["content", "templates", "organisations", ".git"];

    /// <summary>
    /// The checks that need nothing but the paths: false (with the reason in <paramref name="d"/>) for a folder
    /// no output may go to. <paramref name="given"/> is how the user named the folder, for the message.
    /// </summary>
    public static bool MayWriteTo(string root, string dir, string given, DiagnosticBag d)
    {
        var at = new SourceSpan(given, 1, 1);
        string realRoot, realDir;
        try
        {
            realRoot = RealPath(root);
            realDir = RealPath(dir);
        }
        catch (IOException e)
        {
            d.Report(Rules.OutputFolder, at, $"cannot use {given} as the output folder: {e.Message}", "choose another folder with --out");
            return false;
        }
        if (File.Exists(realDir))
        {
            d.Report(Rules.OutputFolder, at, $"{given} is a file, not a folder", "give --out a folder (it is created if it does not exist)");
            return false;
        }
        if (IsInside(realRoot, realDir))
        {
            d.Report(Rules.OutputFolder, at, Same(realRoot, realDir) ? $"{given} is the repository itself; writing there could replace your content" : $"{given} is above the repository; writing there could replace the repository",
                "write the package into a folder of its own, e.g. --out output/my-trust (the default is output/<organisation>)");
            return false;
        }
        foreach (var name in Protected)
        {
            var folder = Path.Combine(realRoot, name);
            if (IsInside(realDir, folder))
            {
                d.Report(Rules.OutputFolder, at, $"{given} {(Same(realDir, folder) ? "is" : "is inside")} {name}/, which holds files people write; qcdp never writes there",
                    "write the package under output/ (the default) or a folder outside the repository");
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The check that looks inside the folder: an existing folder with files in it must be an earlier output of
    /// the same product (it has our manifest), or be allowed by <c>--force</c>; another product's folder never is.
    /// </summary>
    public static bool MayWriteInto(string dir, string given, string product, bool force, DiagnosticBag d)
    {
        var at = new SourceSpan(given, 1, 1);
        if (!Directory.Exists(dir)) return true;
        if (Manifest.Read(dir) is { } manifest)
        {
            if (manifest.Product == product) return true;
            d.Report(Rules.OutputFolder, at, $"{given} holds qcdp {Describe(manifest.Product)}, not {Describe(product)}", $"write the {Describe(product)} into a folder of its own (see --out)");
            return false;
        }
        // qcdp's own state, and folders that are outputs of their own (packs made before the first build), are not someone else's.
        var foreign = Directory.EnumerateFileSystemEntries(dir).Where(e => Path.GetFileName(e) != OutputFolder.StateFolder && !(Directory.Exists(e) && Manifest.Read(e) is not null))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        if (foreign.Count == 0 || force) return true;
        d.Report(Rules.OutputFolder, at,
            $"{given} already holds files qcdp did not write ({string.Join(", ", foreign.Take(3))}{(foreign.Count > 3 ? $" and {foreign.Count - 3} more" : "")}); qcdp only writes into an empty folder or one it wrote before",
            "choose an empty or new folder; or add --force to write beside those files (qcdp still never replaces or deletes them)");
        return false;
    }

    /// <summary>How a folder is named in messages: from the repository if it is inside it, else in full.</summary>
    public static string Display(string root, string dir)
    {
        var rel = Path.GetRelativePath(Path.GetFullPath(root), dir);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? dir : rel.Replace('\\', '/');
    }

    static string Describe(string product) => product switch { "package" => "a course package", "packs" => "session packs", "report" => "an evaluation report", _ => product };

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var cmp = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var f = folder.TrimEnd(Path.DirectorySeparatorChar);
        var p = path.TrimEnd(Path.DirectorySeparatorChar);
        return p.Equals(f, cmp) || p.StartsWith(f + Path.DirectorySeparatorChar, cmp) || (f.Length == 0 && p.Length > 0);
    }

    static bool Same(string a, string b) => IsInside(a, b) && IsInside(b, a);

    /// <summary>
    /// The full path with every symbolic link along it followed (the parts that do not exist yet kept as they
    /// are). A link loop or a chain too long is an <see cref="IOException"/>.
    /// </summary>
    public static string RealPath(string path)
    {
        var hops = 0;
        return RealPath(path, ref hops);
    }

    static string RealPath(string path, ref int hops)
    {
        var full = Path.GetFullPath(path);
        var rootPart = Path.GetPathRoot(full) ?? "";
        var current = rootPart;
        foreach (var part in full[rootPart.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            while (info.Exists && info.LinkTarget is { } target)
            {
                if (++hops > 40) throw new IOException($"too many symbolic links at {next}");
                next = Path.GetFullPath(target, Path.GetDirectoryName(next) ?? rootPart);
                // Resolve the target's own parents too (it may point through other links).
                next = RealPath(next, ref hops);
                info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            }
            current = next;
        }
        return current;
    }
}
