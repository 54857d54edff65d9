using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pipeline;

/// <summary>The qcdp program as a user runs it: exit codes, output formats, help.</summary>
public class CliTests
{
    static (int Code, string Out, string Err) Qcdp(string workingDir, params string[] args) => Support.Qcdp.Run(workingDir, args);

    [Fact]
    public void Help_lists_every_command()
    {
        var (code, output, _) = Qcdp(Path.GetTempPath(), "--help");
        Assert.Equal(0, code);
        Assert.Contains("build ", output);
        Assert.Contains("validate ", output);
        Assert.Contains("benchmark ", output);
        Assert.Contains("init ", output);
        Assert.Contains("--root", output);
    }

    [Fact]
    public void Validate_from_the_repository_root_succeeds()
    {
        using var repo = new MiniRepo();
        var (code, output, _) = Qcdp(repo.Root, "validate");
        Assert.Equal(0, code);
        Assert.Contains("Content is valid: 0 errors", output);
    }

    [Fact]
    public void Errors_exit_with_1_and_leave_output_alone()
    {
        using var repo = new MiniRepo();
        Assert.Equal(0, Qcdp(repo.Root, "build").Code);
        var manifest = File.ReadAllBytes(repo.PathOf("output/smith-jones/manifest.json"));
        repo.Edit(MiniRepo.Session, s => s.Replace("summary:", "sumary:"));
        var (code, _, err) = Qcdp(Path.GetTempPath(), "build", "--root", repo.Root);
        Assert.Equal(1, code);
        Assert.Contains($"{MiniRepo.Session}:5:1: error QCDP102: unknown key 'sumary'", err);
        Assert.Contains("hint: did you mean 'summary'?", err);
        Assert.Equal(manifest, File.ReadAllBytes(repo.PathOf("output/smith-jones/manifest.json")));
    }

    [Fact]
    public void GitHub_format_prints_annotations()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Session, s => s.Replace("summary:", "sumary:"));
        var (code, output, _) = Qcdp(repo.Root, "validate", "--format", "github");
        Assert.Equal(1, code);
        Assert.Contains($"::error file={MiniRepo.Session},line=5,col=1,title=QCDP102 unknown-key::unknown key 'sumary' (hint: did you mean 'summary'?", output);
    }

    [Fact]
    public void Json_format_prints_one_document_of_problems()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Session, s => s.Replace("summary:", "sumary:"));
        var (code, output, _) = Qcdp(repo.Root, "validate", "--format", "json");
        Assert.Equal(1, code);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(1, doc.RootElement.GetProperty("errors").GetInt32());
        var first = doc.RootElement.GetProperty("diagnostics").EnumerateArray().First(x => x.GetProperty("severity").GetString() == "error");
        Assert.Equal(MiniRepo.Session, first.GetProperty("file").GetString());
        Assert.Equal(5, first.GetProperty("line").GetInt32());
        Assert.Equal("unknown key 'sumary'", first.GetProperty("message").GetString());
        Assert.Equal("QCDP102", first.GetProperty("rule").GetString());
    }

    [Fact]
    public void Strict_turns_warnings_into_errors()
    {
        using var repo = new MiniRepo();
        // A slide without speaker notes is a warning (QCDP502): fine normally, a failure with --strict.
        repo.Edit(MiniRepo.Slides, s => s + "\n\n## An extra slide\n\nWith no notes.\n");
        var (code, output, _) = Qcdp(repo.Root, "validate");
        Assert.Equal(0, code);
        Assert.Contains("Content is valid: 0 errors", output);
        var (strictCode, _, err) = Qcdp(repo.Root, "validate", "--strict");
        Assert.Equal(1, strictCode);
        Assert.Contains("error QCDP502: slide", err);
        // Counts in plain English, and validate (which never writes) does not say that nothing was written.
        Assert.Matches(@"(?m)^(1 error|[02-9]\d* errors|1\d+ errors), (1 warning|\d+ warnings)\.\s*$", err);
        Assert.DoesNotContain("Nothing was written", err);
        Assert.DoesNotContain("(s)", err);
    }

    [Fact]
    public void Build_with_another_profile_and_output_folder()
    {
        using var repo = new MiniRepo();
        repo.Write("profiles/other.yaml", File.ReadAllText(repo.PathOf(MiniRepo.Profile))
            .Replace("Smith & Jones <North> NHS Trust", "Other Place NHS Trust").Replace("slug: smith-jones", "slug: other")
            .Replace("logo: logo.png", "logo: ../organisations/smith-jones/logo.png"));
        var outDir = Path.Combine(repo.Root, "elsewhere");
        var (code, output, err) = Qcdp(repo.Root, "build", "--org", "profiles/other.yaml", "--out", outDir);
        Assert.True(code == 0, err);
        Assert.Contains("Wrote", output);
        Assert.True(File.Exists(Path.Combine(outDir, "manifest.json")));
        Assert.Contains("Other Place NHS Trust", File.ReadAllText(Path.Combine(outDir, "manifest.json")));
    }

    [Fact]
    public void Init_scaffolds_a_new_organisation_that_validates_and_refuses_to_overwrite()
    {
        using var repo = new MiniRepo();
        var (code, output, err) = Qcdp(repo.Root, "init", "riverside");
        Assert.True(code == 0, err);
        Assert.Contains("Created organisations/riverside/organisation.yaml", output);
        (code, _, err) = Qcdp(repo.Root, "validate", "--org", "riverside");
        Assert.True(code == 0, err);
        var profile = File.ReadAllText(repo.PathOf("organisations/riverside/organisation.yaml"));
        (code, _, err) = Qcdp(repo.Root, "init", "riverside");
        Assert.Equal(1, code);
        Assert.Contains("organisations/riverside/organisation.yaml:1:1: error QCDP806: this organisation already has a profile; nothing was changed", err);
        Assert.Equal(profile, File.ReadAllText(repo.PathOf("organisations/riverside/organisation.yaml")));
    }
}
