using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Packs;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pipeline;

/// <summary>
/// Build, validate and pack read the content through one content session, so they accept and reject exactly
/// the same content: a placeholder the documentation promises works in all three, and a mistake fails all three
/// with the same diagnostic at the same place.
/// </summary>
public class ParityTests
{
    /// <summary>The errors each command reports for the repository as it is, sorted.</summary>
    static (List<Diagnostic> Validate, List<Diagnostic> Build, List<Diagnostic> Pack) Run(MiniRepo repo)
    {
        static List<Diagnostic> Errors(DiagnosticBag d) => d.Sorted().Where(x => x.Severity == Severity.Error).ToList();
        var validate = PackageBuilder.Run(new BuildOptions(repo.Root) { Write = false });
        var build = PackageBuilder.Run(new BuildOptions(repo.Root) { OutputDir = repo.PathOf("out") });
        var pack = PackBuilder.Run(new PackOptions(repo.Root) { Session = "1.1", OutputDir = repo.PathOf("packs") });
        return (Errors(validate.Diagnostics), Errors(build.Diagnostics), Errors(pack.Diagnostics));
    }

    [Fact]
    public void A_handout_using_the_self_assessment_placeholder_works_in_build_validate_and_pack()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Handout, s => s.Replace("Fill this in.", "Score yourself on all {{self_assessment.count}} items."));

        var (validate, build, pack) = Run(repo);

        Assert.Empty(validate);
        Assert.Empty(build);
        Assert.Empty(pack);
        // The placeholder was filled, the same way in the package and the pack.
        Assert.True(File.Exists(repo.PathOf("out/handouts/sample-worksheet.pdf")));
        Assert.NotEmpty(Directory.GetFiles(repo.PathOf("packs"), "*participant-pack.pdf"));
    }

    [Theory]
    [InlineData(MiniRepo.Handout, "Fill this in.", "Fill this in for {{org.nmae}}.")]
    [InlineData(MiniRepo.Slides, "Meet each other", "Meet {{cohort.nmae}}")]
    [InlineData("content/workstreams/01-sample/sessions/1.1-first-session/facilitator-notes.md", "", "\n\nAsk {{lead.nmae}} to open the session.\n")]
    public void A_mistake_fails_build_validate_and_pack_alike(string file, string find, string replace)
    {
        using var repo = new MiniRepo();
        repo.Edit(file, s => find.Length == 0 ? s + replace : s.Replace(find, replace));

        var (validate, build, pack) = Run(repo);

        var expected = Assert.Single(validate, d => d.Rule == Rules.TemplatePlaceholder.Id);
        Assert.Equal(file, expected.File);
        Assert.Equal(validate, build);
        Assert.Equal(validate, pack);
        Assert.False(Directory.Exists(repo.PathOf("packs")));
    }

    [Fact]
    public void A_content_rule_the_build_checks_stops_pack_too()
    {
        using var repo = new MiniRepo();
        // Every picture needs alt text. The applicant contract is in no session's pack, but pack checks the whole
        // package as build does (before, it checked only what it laid out, and made packs the build refused).
        repo.Edit("content/contracts/applicant-contract.md", s => s + "\n![](../images/pdsa.png)\n");

        var (validate, build, pack) = Run(repo);

        var error = Assert.Single(validate);
        Assert.Equal((Rules.AltText.Id, "content/contracts/applicant-contract.md"), (error.Rule, error.File));
        Assert.Equal(validate, build);
        Assert.Equal(validate, pack);
    }
}
