using System.Diagnostics;
using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Writer;

namespace QcdpBuilder.Pdf.Tests;

/// <summary>Shared helpers: repository root, fonts, output folder and optional external PDF tools.</summary>
internal static class TestSupport
{
    public static readonly DateTimeOffset FixedDate = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "QcdpBuilder.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("QcdpBuilder.sln not found above test directory");
    }

    public static FontFamily Family => FontFamily.AtkinsonHyperlegible(RepoRoot);
    public static FontSet Fonts => FontSet.Load(Family);

    public static DocumentInfo Info(string title = "Test document") => new()
    {
        Title = title, Author = "QcdpBuilder tests", Subject = "Engine test", Date = FixedDate,
    };

    public static string OutDir
    {
        get
        {
            var d = Path.Combine(Path.GetTempPath(), "qcdp-pdf-tests");
            Directory.CreateDirectory(d);
            return d;
        }
    }

    /// <summary>Runs a tool if it is on PATH; returns null when missing so callers can skip assertions.</summary>
    public static (int Exit, string Output)? Run(string tool, params string[] args)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(p => Path.Combine(p, tool)).FirstOrDefault(File.Exists);
        if (path == null) return null;
        var psi = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit(30000);
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
