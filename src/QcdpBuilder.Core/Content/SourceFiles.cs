using QcdpBuilder.Files;
using System.Text;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>
/// Where content may come from, and how its text is read. Content is untrusted: every file is
/// checked to be inside the repository after following symbolic links, to be of a sensible
/// size, to be valid UTF-8 and to hold no control characters (which no document format can
/// carry). Each problem is reported once, at the byte that caused it.
/// </summary>
public static class SourceFiles
{
    /// <summary>The largest YAML, Markdown or template file read (the biggest real one is about 12 KB).</summary>
    public const long MaxTextBytes = 1 << 20;

    /// <summary>
    /// The path with every symbolic link along it followed, so a link inside the repository that
    /// points outside it is seen for what it is. Missing parts are kept as written.
    /// </summary>
    public static string Resolve(string path) => new ResolvedPaths().Resolve(path);

    /// <summary>Whether <paramref name="path"/>, links followed, is inside <paramref name="root"/>.</summary>
    public static bool IsInside(string path, string root) => new ResolvedPaths().IsInside(path, root);

    /// <summary>
    /// Reads a text file of the repository at <paramref name="root"/>, reported as <paramref name="rel"/>;
    /// null (with an error) if it is outside, too large, not UTF-8 or holds control characters.
    /// A byte-order mark is dropped; line endings are kept (readers normalise them).
    /// </summary>
    public static string? ReadText(string path, string root, string rel, DiagnosticBag diagnostics, ResolvedPaths? paths = null)
    {
        if (!(paths ?? new ResolvedPaths()).IsInside(path, root))
        {
            diagnostics.Report(Rules.OutsideRepository, SourceSpan.StartOf(rel), "the file is outside the repository (a symbolic link or a path with ..)",
                "content must be real files inside the repository; copy the file in instead of linking to it");
            return null;
        }
        if (RegularFile.Problem(path) is { } notRegular)
        {
            diagnostics.Report(Rules.SourceText, SourceSpan.StartOf(rel), $"the file {notRegular}", "content must be ordinary files; replace it with the file itself");
            return null;
        }
        var size = new FileInfo(path).Length;
        if (size > MaxTextBytes)
        {
            diagnostics.Report(Rules.SourceText, SourceSpan.StartOf(rel), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the file is too large ({size / 1024:N0} KB; at most {MaxTextBytes / 1024:N0} KB)"),
                "split it into several files; a session's slides or notes are usually under 20 KB");
            return null;
        }
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(Rules.SourceText, SourceSpan.StartOf(rel), $"the file cannot be read: {e.Message}", "check the file's permissions and that the disk is readable");
            return null;
        }
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try { text = Strict.GetString(bytes, start, bytes.Length - start); }
        catch (DecoderFallbackException e)
        {
            var at = start + Math.Max(0, e.Index);
            var (line, col) = Position(bytes, start, at);
            diagnostics.Report(Rules.SourceText, new SourceSpan(rel, line, col), $"the file is not valid UTF-8 (byte 0x{bytes[Math.Min(at, bytes.Length - 1)]:X2})",
                "save the file as UTF-8 in your editor (it was probably saved as Windows-1252 or Latin-1)");
            return null;
        }
        if (ControlCharacter(text) is { } bad)
        {
            diagnostics.Report(Rules.SourceText, new SourceSpan(rel, bad.Line, bad.Column), $"control character U+{(int)bad.Char:X4} in the text",
                "delete it (it is invisible in most editors; it often comes from copying out of another program)");
            return null;
        }
        return text;
    }

    static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Line and column (in characters) of byte <paramref name="at"/>.</summary>
    static (int Line, int Column) Position(byte[] bytes, int start, int at)
    {
        var lineStart = start;
        var line = 1;
        for (var i = start; i < at && i < bytes.Length; i++)
            if (bytes[i] == '\n') { line++; lineStart = i + 1; }
        // Characters before the bad byte on its line (the bytes before it on the line are valid UTF-8).
        var col = Encoding.UTF8.GetCharCount(bytes, lineStart, Math.Max(0, at - lineStart)) + 1;
        return (line, col);
    }

    /// <summary>The first character no document format can hold (C0 controls other than tab and line ends, U+FFFE, U+FFFF, a lone surrogate), with its position.</summary>
    public static (char Char, int Line, int Column)? ControlCharacter(string text)
    {
        int line = 1, col = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; col++; continue; }
            if (IsForbidden(ch) || char.IsSurrogate(ch)) return (ch, line, col);
            if (ch == '\n') { line++; col = 1; } else col++;
        }
        return null;
    }

    /// <summary>Characters XML 1.0 cannot carry, so no DOCX, PPTX or tagged PDF text can hold them.</summary>
    public static bool IsForbidden(char ch) => (ch < 0x20 && ch is not ('\t' or '\n' or '\r')) || ch is '\uFFFE' or '\uFFFF';
}

/// <summary>
/// Symbolic links followed, remembered for the length of one build (or one command): each step of a
/// resolution (a resolved folder plus one name → that name with its link followed) costs three system calls,
/// and a build checks every file it reads against the same few folders. Each build makes its own, so a link
/// made or changed between two rebuilds of a watch session is seen, and two builds never share one.
/// </summary>
public sealed class ResolvedPaths
{
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> steps = new(StringComparer.Ordinal);

    /// <summary>The path with every symbolic link along it followed (see <see cref="SourceFiles.Resolve"/>).</summary>
    public string Resolve(string path) => Resolve(Path.GetFullPath(path), 0);

    string Resolve(string full, int depth)
    {
        if (depth > 32) return full; // a loop of links: leave it to the file system to refuse
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (steps.TryGetValue(next, out var known)) { current = known; continue; }
            var resolved = next;
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is { } target)
                resolved = Resolve(Path.GetFullPath(target, current), depth + 1);
            if (steps.Count < 100_000) steps[next] = resolved;
            current = resolved;
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/>, links followed, is inside <paramref name="root"/>.</summary>
    public bool IsInside(string path, string root)
    {
        var r = Resolve(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Resolve(path).StartsWith(r, StringComparison.Ordinal);
    }
}
