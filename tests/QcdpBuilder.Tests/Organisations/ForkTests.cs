using QcdpBuilder.Build;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Organisations;

/// <summary>
/// The reason overlays exist: a fork keeps its changes in its organisation's folder, so an
/// upstream content update (even to a file the fork has its own version of) merges without
/// conflicts and without touching anything the overlay owns.
/// </summary>
public class ForkTests
{
    const string Overlay = "organisations/forked/content/workstreams/05-coaching-skills/handouts/team-coaching-plan.md";
    const string SharedHandout = "content/workstreams/05-coaching-skills/handouts/team-coaching-plan.md";

    static string Git(string dir, params string[] args)
    {
        var result = ExternalTool.Run("git", ["-C", dir, .. args]) ?? throw new InvalidOperationException("git is not installed");
        Assert.True(result.Code == 0, $"git {string.Join(' ', args)} failed:\n{result.Output}");
        return result.Output;
    }

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    static void Append(string dir, string file, string text) => File.AppendAllText(Path.Combine(dir, file), text);

    [Fact]
    public void An_upstream_content_update_merges_into_a_fork_without_touching_its_overlay()
    {
        if (ExternalTool.Run("git", "--version") is not { Code: 0 }) return; // .ci/run installs git; without it there is nothing to simulate with
        var dir = Directory.CreateTempSubdirectory("qcdp-fork-").FullName;
        try
        {
            foreach (var folder in new[] { "content", "templates", "organisations" })
                Copy(Path.Combine(RepoPaths.Root, folder), Path.Combine(dir, folder));
            Git(dir, "init", "-q", "-b", "main");
            Git(dir, "config", "user.email", "fork@example.org");
            Git(dir, "config", "user.name", "Fork Test");
            Git(dir, "config", "commit.gpgsign", "false");
            Git(dir, "add", "-A");
            Git(dir, "commit", "-q", "-m", "Upstream 1.0");
            Git(dir, "branch", "upstream");

            // The fork: its own organisation, with its own version of one shared handout and a session of its own.
            var profile = File.ReadAllText(Path.Combine(dir, "organisations/northfield/organisation.yaml"))
                .Replace("Northfield and District NHS Foundation Trust", "Forked Community Trust").Replace("slug: northfield", "slug: forked")
                .Replace("logo: logo.png", "logo: ../northfield/logo.png");
            Directory.CreateDirectory(Path.Combine(dir, "organisations/forked/content/workstreams/05-coaching-skills/handouts"));
            File.WriteAllText(Path.Combine(dir, "organisations/forked/organisation.yaml"), profile);
            var overlayText = "---\ntitle: Our team coaching plan\nsession: \"5.1\"\n---\nOur own plan, written for our teams.\n\n[lines: 4]\n";
            File.WriteAllText(Path.Combine(dir, Overlay), overlayText);
            Git(dir, "add", "-A");
            Git(dir, "commit", "-q", "-m", "Our organisation and its overlay");

            // Upstream improves shared content, including the very file the fork has its own version of.
            Git(dir, "checkout", "-q", "upstream");
            Append(dir, SharedHandout, "\nUpstream added this line.\n");
            Append(dir, "content/workstreams/05-coaching-skills/sessions/5.1-stance-and-contracting/facilitator-notes.md", "\nAn upstream correction.\n");
            Append(dir, "templates/timetable.md.sbn", "\nUpstream template note.\n");
            Git(dir, "commit", "-q", "-am", "Upstream 1.1");
            var upstreamChanged = Git(dir, "diff", "--name-only", "main...upstream").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToList();
            Assert.Equal(3, upstreamChanged.Count);

            Git(dir, "checkout", "-q", "main");
            var merge = ExternalTool.Run("git", "-C", dir, "merge", "--no-edit", "upstream")!.Value;
            Assert.True(merge.Code == 0, merge.Output);
            Assert.DoesNotContain("CONFLICT", merge.Output);

            // The merge brought exactly upstream's changes and touched nothing the fork's organisation owns.
            var merged = Git(dir, "diff", "--name-only", "HEAD^1", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToList();
            Assert.Equal(upstreamChanged, merged);
            Assert.DoesNotContain(merged, f => f.StartsWith("organisations/"));
            Assert.Equal(overlayText, File.ReadAllText(Path.Combine(dir, Overlay)));
            Assert.Contains("Upstream added this line.", File.ReadAllText(Path.Combine(dir, SharedHandout)));

            // The fork still builds its own version over the updated content, and picks up the rest of the update.
            var plan = PackageBuilder.Plan(new BuildOptions(dir) { Profile = "forked", Write = false });
            Assert.False(plan.Diagnostics.HasErrors, string.Join("\n", plan.Diagnostics.Items));
            Assert.Equal(Overlay, plan.Artefacts.Single(a => a.Path == "handouts/team-coaching-plan.docx").Source);
            Assert.Equal("Forked Community Trust", plan.Organisation!.Name);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
