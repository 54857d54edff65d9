namespace QcdpBuilder.Tests.Support;

/// <summary>
/// A throw-away copy of the small fixture repository (tests/QcdpBuilder.Tests/Fixtures/mini)
/// with the real templates, so a test can break one file and see exactly what the build says.
/// </summary>
public sealed class MiniRepo : IDisposable
{
    public string Root { get; }

    public MiniRepo()
    {
        Root = Path.Combine(Path.GetTempPath(), "qcdp-test-" + Guid.NewGuid().ToString("N")[..10]);
        Copy(Path.Combine(RepoPaths.Root, "tests", "QcdpBuilder.Tests", "Fixtures", "mini"), Root);
        Copy(Path.Combine(RepoPaths.Root, "templates"), Path.Combine(Root, "templates"));
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Edit(string relative, Func<string, string> change) => File.WriteAllText(PathOf(relative), change(File.ReadAllText(PathOf(relative))));

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    public const string Session = "content/workstreams/01-sample/sessions/1.1-first-session/session.yaml";
    public const string Slides = "content/workstreams/01-sample/sessions/1.1-first-session/slides.md";
    public const string Workstream = "content/workstreams/01-sample/workstream.yaml";
    public const string Handout = "content/workstreams/01-sample/handouts/sample-worksheet.md";
    public const string Profile = "organisations/smith-jones/organisation.yaml";
    /// <summary>The organisation's overlay folder: files here replace or add to content/.</summary>
    public const string OverlayContent = "organisations/smith-jones/content";
}
