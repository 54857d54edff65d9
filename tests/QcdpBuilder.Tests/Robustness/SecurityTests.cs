using System.Reflection;
using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Robustness;

/// <summary>
/// Content and templates are untrusted (they arrive in strangers' pull requests): one test per
/// way they might try to read a file outside the repository, run code or reach the network.
/// Each plants a secret outside the repository and checks the build refuses, and that the secret
/// reaches neither the output nor any message.
/// </summary>
public sealed class SecurityTests : IDisposable
{
    const string Secret = "TOP-SECRET-7f3a9c";
    readonly MiniRepo repo = new();
    readonly string outside;

    public SecurityTests()
    {
        outside = repo.Root + "-outside";
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.md"), $"## {Secret}\n\n{Secret}\n");
        File.WriteAllText(Path.Combine(outside, "secret.md.sbn"), Secret);
        File.Copy(repo.PathOf("content/images/pdsa.png"), Path.Combine(outside, "secret.png"));
        Directory.CreateDirectory(Path.Combine(outside, "session"));
        File.WriteAllText(Path.Combine(outside, "session", "session.yaml"), File.ReadAllText(repo.PathOf(MiniRepo.Session)).Replace("First session", Secret));
        File.WriteAllText(Path.Combine(outside, "session", "slides.md"), $"## {Secret}\n");
        File.WriteAllText(Path.Combine(outside, "session", "facilitator-notes.md"), Secret);
    }

    public void Dispose()
    {
        repo.Dispose();
        try { Directory.Delete(outside, recursive: true); } catch (IOException) { }
    }

    /// <summary>Builds; the build must fail with an error of <paramref name="rule"/> in <paramref name="file"/>, and the secret must appear nowhere.</summary>
    void Refused(DiagnosticRule rule, string file)
    {
        var result = PackageBuilder.Run(new BuildOptions(repo.Root));
        var all = string.Join("\n", result.Diagnostics.Sorted());
        Assert.True(result.Diagnostics.Items.Any(d => d.Severity == Severity.Error && d.Rule == rule.Id && d.File == file), $"expected {rule} in {file}; got:\n{all}");
        Assert.Null(result.OutputDir);
        Assert.DoesNotContain(Secret, all);
        var output = repo.PathOf("output");
        if (Directory.Exists(output))
            foreach (var f in OutputFiles.Of(output))
                Assert.DoesNotContain(Secret, File.ReadAllText(f));
    }

    [Fact]
    public void An_image_path_with_dot_dot_cannot_leave_the_repository()
    {
        repo.Edit(MiniRepo.Slides, s => s.Replace("../../../../images/pdsa.png", "../../../../../../" + Path.GetFileName(outside) + "/secret.png"));
        Refused(Rules.OutsideRepository, MiniRepo.Slides);
    }

    [Fact]
    public void An_absolute_image_path_is_refused()
    {
        repo.Edit(MiniRepo.Slides, s => s.Replace("../../../../images/pdsa.png", Path.Combine(outside, "secret.png")));
        Refused(Rules.OutsideRepository, MiniRepo.Slides);
    }

    [Fact]
    public void A_symbolic_link_to_a_picture_outside_is_refused()
    {
        File.Delete(repo.PathOf("content/images/pdsa.png"));
        File.CreateSymbolicLink(repo.PathOf("content/images/pdsa.png"), Path.Combine(outside, "secret.png"));
        Refused(Rules.OutsideRepository, MiniRepo.Slides);
    }

    [Fact]
    public void A_symbolic_link_to_a_markdown_file_outside_is_refused()
    {
        File.Delete(repo.PathOf(MiniRepo.Slides));
        File.CreateSymbolicLink(repo.PathOf(MiniRepo.Slides), Path.Combine(outside, "secret.md"));
        Refused(Rules.OutsideRepository, MiniRepo.Slides);
    }

    [Fact]
    public void A_symbolic_link_to_a_session_folder_outside_is_refused()
    {
        var dir = repo.PathOf("content/workstreams/01-sample/sessions/1.1-first-session");
        Directory.Delete(dir, recursive: true);
        Directory.CreateSymbolicLink(dir, Path.Combine(outside, "session"));
        Refused(Rules.OutsideRepository, MiniRepo.Session);
    }

    [Fact]
    public void A_symbolic_link_made_between_two_builds_of_one_process_is_refused()
    {
        // Builds remember the links they resolve (for speed); a watch session's next build must still see a new one.
        Assert.False(PackageBuilder.Plan(new BuildOptions(repo.Root)).Diagnostics.HasErrors);
        var dir = repo.PathOf("content/workstreams/01-sample/sessions/1.1-first-session");
        Directory.Delete(dir, recursive: true);
        Directory.CreateSymbolicLink(dir, Path.Combine(outside, "session"));
        Refused(Rules.OutsideRepository, MiniRepo.Session);
    }

    [Fact]
    public void A_session_cannot_name_slides_outside_the_repository()
    {
        repo.Edit(MiniRepo.Session, s => s.Replace("duration: 60", "duration: 60\nslides: ../../../../../../" + Path.GetFileName(outside) + "/secret.md"));
        Refused(Rules.OutsideRepository, MiniRepo.Session);
    }

    [Fact]
    public void A_workstream_cannot_be_a_path_out_of_content()
    {
        repo.Edit("content/programme.yaml", s => s.Replace("  - 01-sample", "  - 01-sample\n  - ../../../" + Path.GetFileName(outside) + "/session"));
        Refused(Rules.OutsideRepository, "content/programme.yaml");
    }

    [Fact]
    public void A_profile_cannot_take_its_logo_from_outside()
    {
        repo.Edit(MiniRepo.Profile, s => s.Replace("logo: logo.png", "logo: " + Path.Combine(outside, "secret.png")));
        var result = PackageBuilder.Run(new BuildOptions(repo.Root));
        Assert.Contains(result.Diagnostics.Items, d => d.File == MiniRepo.Profile && d.Message.StartsWith("'logo' points outside"));
        Assert.Null(result.OutputDir);
    }

    [Fact]
    public void Content_cannot_include_a_file()
    {
        repo.Edit(MiniRepo.Slides, s => s.Replace("Meet each other", "{{ include '" + Path.Combine(outside, "secret.md.sbn") + "' }}"));
        Refused(Rules.TemplateSyntax, MiniRepo.Slides);
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("dot-dot")]
    [InlineData("symlink")]
    public void The_guide_template_cannot_include_a_file_outside_the_templates_folders(string how)
    {
        var name = how switch
        {
            "absolute" => Path.Combine(outside, "secret.md.sbn"),
            "dot-dot" => "../../" + Path.GetFileName(outside) + "/secret.md.sbn",
            _ => "linked.md.sbn",
        };
        if (how == "symlink") File.CreateSymbolicLink(repo.PathOf("templates/linked.md.sbn"), Path.Combine(outside, "secret.md.sbn"));
        repo.Edit("templates/facilitator-guide.md.sbn", s => "{{ include '" + name + "' }}\n" + s);
        Refused(Rules.TemplateSyntax, "templates/facilitator-guide.md.sbn");
    }

    [Theory]
    [InlineData("{{ exec \"cat /etc/passwd\" }}")]
    [InlineData("{{ org.GetType }}")]
    [InlineData("{{ org.name.Length }}")]
    [InlineData("{{ import org }}")]
    [InlineData("{{ date.now }}")]
    [InlineData("{{ math.random 1 10 }}")]
    [InlineData("{{ object.eval_template '{{ org.name }}' }}")]
    [InlineData("{{ while true }}x{{ end }}")]
    public void Templates_cannot_call_code_or_reach_dotnet_members(string placeholder)
    {
        repo.Edit(MiniRepo.Slides, s => s.Replace("Meet each other", placeholder));
        var result = PackageBuilder.Run(new BuildOptions(repo.Root));
        var all = string.Join("\n", result.Diagnostics.Sorted());
        Assert.True(result.Diagnostics.Items.Any(d => d.Severity == Severity.Error && d.File == MiniRepo.Slides), $"'{placeholder}' was accepted:\n{all}");
        Assert.Null(result.OutputDir);
    }

    [Fact]
    public void A_remote_image_is_refused()
    {
        repo.Edit(MiniRepo.Slides, s => s.Replace("../../../../images/pdsa.png", "https://example.org/pdsa.png"));
        var result = PackageBuilder.Run(new BuildOptions(repo.Root));
        Assert.Contains(result.Diagnostics.Items, d => d.File == MiniRepo.Slides && d.Line == 30 && d.Message == "image 'https://example.org/pdsa.png' is not a local file");
    }

    [Fact]
    public void No_part_of_qcdp_can_open_a_network_connection()
    {
        // The builder cannot reach the network because none of its assemblies references the networking libraries.
        string[] network = ["System.Net.Http", "System.Net.Sockets", "System.Net.Requests", "System.Net.WebClient", "System.Net.WebSockets", "System.Net.WebSockets.Client", "System.Net.Mail"];
        foreach (var assembly in new[] { typeof(PackageBuilder).Assembly, typeof(Pdf.Fonts.TrueTypeFont).Assembly, Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "qcdp.dll")) })
        {
            var refs = assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
            Assert.Empty(refs.Intersect(network));
        }
    }

    [Fact]
    public void Links_that_run_code_are_dropped()
    {
        repo.Edit(MiniRepo.Slides, s => s.Replace("Meet each other", "[Meet](javascript:fetch('https://evil.example')) each other").Replace("Plan, do, study, act.", "[Plan](file:///etc/passwd), do, study, act."));
        var result = PackageBuilder.Run(new BuildOptions(repo.Root));
        Assert.Equal(2, result.Diagnostics.Items.Count(d => d.Rule == Rules.LinkScheme.Id && d.File == MiniRepo.Slides));
    }
}
