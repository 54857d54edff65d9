using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Html;

/// <summary><c>qcdp build --format html</c> and <c>qcdp serve</c> as a user runs them.</summary>
public class SiteCliTests
{
    static (int Code, string Out, string Err) Qcdp(string workingDir, params string[] args) => Support.Qcdp.Run(workingDir, args);

    [Fact]
    public void Help_describes_serve_and_the_html_format()
    {
        var (code, output, _) = Qcdp(Path.GetTempPath(), "--help");
        Assert.Equal(0, code);
        Assert.Contains("serve ", output);
        var serve = Qcdp(Path.GetTempPath(), "serve", "--help").Out;
        Assert.Contains("--port", serve);
        Assert.Contains("127.0.0.1", serve);
        Assert.Contains("html", Qcdp(Path.GetTempPath(), "build", "--help").Out);
    }

    [Fact]
    public void Build_format_html_writes_the_site_and_rejects_unknown_formats()
    {
        using var repo = new MiniRepo();
        var (bad, _, err) = Qcdp(repo.Root, "build", "--format", "epub");
        Assert.NotEqual(0, bad);
        Assert.Contains("epub", err);
        var (code, output, _) = Qcdp(repo.Root, "build", "--format", "html");
        Assert.Equal(0, code);
        Assert.True(File.Exists(repo.PathOf("output/smith-jones/site/index.html")));
        Assert.True(File.Exists(repo.PathOf("output/smith-jones/slides/1.1-first-session.pptx")));
        Assert.Contains("Wrote ", output);
    }
}
