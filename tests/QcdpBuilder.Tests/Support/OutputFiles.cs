namespace QcdpBuilder.Tests.Support;

/// <summary>The files of an output folder as a user sees them: everything but qcdp's own lock and staging folder (<c>.qcdp/</c>).</summary>
public static class OutputFiles
{
    public static string[] Of(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(dir, f).Split(Path.DirectorySeparatorChar)[0].Equals(QcdpBuilder.Output.OutputFolder.StateFolder, StringComparison.Ordinal))
            .ToArray();
}
