using QcdpBuilder.Build;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Html;

/// <summary>
/// The mini fixture built once with its website, shared by the site and browser tests. Its
/// facilitator notes hold a paragraph of raw HTML that would retitle the page if it ran.
/// </summary>
public sealed class MiniSite : IDisposable
{
    public const string Attack = "<script>document.title = 'pwned'</script>";
    public const string Notes = "content/workstreams/01-sample/sessions/1.1-first-session/facilitator-notes.md";

    public MiniRepo Repo { get; } = new();
    public BuildResult Result { get; }
    public string Dir => Path.Combine(Result.OutputDir!, "site");

    public MiniSite()
    {
        Repo.Edit(Notes, s => s + "\n## Safety\n\n" + Attack + "\n");
        Result = PackageBuilder.Run(new BuildOptions(Repo.Root) { Site = true });
        if (Result.OutputDir is null) throw new InvalidOperationException(string.Join("\n", Result.Diagnostics.Items));
    }

    public string Page(string name) => File.ReadAllText(Path.Combine(Dir, name));

    public void Dispose() => Repo.Dispose();
}
