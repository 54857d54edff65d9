using System.Text.RegularExpressions;
using QcdpBuilder.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace QcdpBuilder.Tests.Workflows;

/// <summary>
/// The GitHub Actions workflows in .github/workflows: well-formed, safe for pull requests from
/// forks (read-only token, no secrets, never pull_request_target), and using only qcdp commands
/// that README.md documents.
/// </summary>
public partial class WorkflowTests
{
    static string Dir => Path.Combine(RepoPaths.Root, ".github", "workflows");

    static IEnumerable<(string Name, string Text, YamlMappingNode Root)> Workflows() =>
        Directory.GetFiles(Dir, "*.yml").Order(StringComparer.Ordinal).Select(f =>
        {
            var text = File.ReadAllText(f);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return (Path.GetFileName(f), text, (YamlMappingNode)stream.Documents[0].RootNode);
        });

    static YamlNode? Get(YamlNode node, string key) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    static IEnumerable<YamlNode> Steps(YamlMappingNode root) =>
        ((YamlMappingNode)Get(root, "jobs")!).Children.Values.SelectMany(job => ((YamlSequenceNode)Get(job, "steps")!).Children);

    static IEnumerable<string> Triggers(YamlMappingNode root) => Get(root, "on") switch
    {
        YamlScalarNode s => [s.Value!],
        YamlSequenceNode seq => seq.Children.Select(c => ((YamlScalarNode)c).Value!),
        YamlMappingNode m => m.Children.Keys.Select(k => ((YamlScalarNode)k).Value!),
        _ => [],
    };

    [Fact]
    public void Both_workflows_exist()
    {
        Assert.Equal(["pages.yml", "pull-request.yml"], Workflows().Select(w => w.Name));
    }

    [Fact]
    public void Every_workflow_is_well_formed()
    {
        foreach (var (name, _, root) in Workflows())
        {
            Assert.True(Get(root, "name") is YamlScalarNode, $"{name}: no name");
            Assert.NotEmpty(Triggers(root));
            var jobs = Assert.IsType<YamlMappingNode>(Get(root, "jobs"));
            Assert.NotEmpty(jobs.Children);
            foreach (var (jobName, job) in jobs.Children)
            {
                Assert.True(Get(job, "runs-on") is YamlScalarNode, $"{name}: job {jobName} has no runs-on");
                if (Get(job, "needs") is YamlScalarNode needs) Assert.True(jobs.Children.ContainsKey(needs), $"{name}: job {jobName} needs unknown job {needs.Value}");
                var steps = Assert.IsType<YamlSequenceNode>(Get(job, "steps"));
                Assert.NotEmpty(steps.Children);
                foreach (var step in steps.Children)
                {
                    var uses = Get(step, "uses") as YamlScalarNode;
                    var run = Get(step, "run") as YamlScalarNode;
                    Assert.True((uses is null) != (run is null), $"{name}: job {jobName} has a step with neither or both of 'uses' and 'run'");
                    // Actions are pinned to a major version at least, never a moving branch.
                    if (uses is not null) Assert.Matches(@"^[\w.-]+/[\w.-]+(/[\w.-]+)*@(v\d+(\.\d+)*|[0-9a-f]{40})$", uses.Value!);
                }
            }
        }
    }

    [Fact]
    public void Pull_request_workflows_are_read_only_and_never_pull_request_target()
    {
        var checkedAny = false;
        foreach (var (name, text, root) in Workflows())
        {
            var triggers = Triggers(root).ToList();
            Assert.DoesNotContain("pull_request_target", triggers);
            var code = string.Join("\n", text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
            Assert.DoesNotContain("pull_request_target", code);
            if (!triggers.Contains("pull_request")) continue;
            checkedAny = true;
            // Top-level permissions are given explicitly and grant nothing beyond read; so are any per job.
            var top = Assert.IsType<YamlMappingNode>(Get(root, "permissions"));
            var all = new List<YamlMappingNode> { top };
            all.AddRange(((YamlMappingNode)Get(root, "jobs")!).Children.Values.Select(j => Get(j, "permissions")).OfType<YamlMappingNode>());
            foreach (var (scope, level) in all.SelectMany(p => p.Children))
                Assert.True(((YamlScalarNode)level).Value is "read" or "none", $"{name}: {scope} is {level}, but a pull request workflow may only read");
            Assert.DoesNotContain("secrets.", code);
            Assert.DoesNotContain("write-all", code);
        }
        Assert.True(checkedAny);
    }

    [Fact]
    public void The_pull_request_workflow_validates_builds_every_organisation_and_renders_thumbnails()
    {
        var (_, text, root) = Workflows().Single(w => w.Name == "pull-request.yml");
        var runs = Steps(root).Select(s => (Get(s, "run") as YamlScalarNode)?.Value ?? "").ToList();
        Assert.Contains(runs, r => r.Contains("-- validate --format github"));
        var matrix = (YamlSequenceNode)Get(Get(Get(Get(root, "jobs")!, "package")!, "strategy")!, "matrix")!["organisation"];
        var organisations = Directory.GetDirectories(Path.Combine(RepoPaths.Root, "organisations")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(organisations, matrix.Children.Select(c => ((YamlScalarNode)c).Value).Order(StringComparer.Ordinal));
        Assert.Contains(runs, r => r.Contains("soffice") && r.Contains("--convert-to pdf") && r.Contains("pdftoppm"));
        Assert.Contains(runs, r => r.Contains("git diff --name-only"));
        var uploads = Steps(root).Select(s => (Get(s, "uses") as YamlScalarNode)?.Value ?? "").Count(u => u.StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        Assert.Equal(2, uploads);
    }

    [Fact]
    public void The_pages_workflow_publishes_the_site_from_main_only()
    {
        var (_, _, root) = Workflows().Single(w => w.Name == "pages.yml");
        Assert.DoesNotContain("pull_request", Triggers(root));
        var branches = (YamlSequenceNode)Get(Get(Get(root, "on")!, "push")!, "branches")!;
        Assert.Equal(["main"], branches.Children.Select(c => ((YamlScalarNode)c).Value));
        var permissions = (YamlMappingNode)Get(root, "permissions")!;
        Assert.Equal("write", ((YamlScalarNode)permissions["pages"]).Value);
        Assert.Equal("write", ((YamlScalarNode)permissions["id-token"]).Value);
        Assert.Equal("read", ((YamlScalarNode)permissions["contents"]).Value);
        var steps = Steps(root).ToList();
        Assert.Contains(steps, s => (Get(s, "run") as YamlScalarNode)?.Value?.Contains("-- build --format html") == true);
        Assert.Contains(steps, s => (Get(s, "uses") as YamlScalarNode)?.Value?.StartsWith("actions/upload-pages-artifact@") == true);
        Assert.Contains(steps, s => (Get(s, "uses") as YamlScalarNode)?.Value?.StartsWith("actions/deploy-pages@") == true);
    }

    [Fact]
    public void Every_qcdp_command_the_workflows_use_is_documented_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var commands = Workflows().SelectMany(w => Steps(w.Root)).Select(s => (Get(s, "run") as YamlScalarNode)?.Value ?? "")
            .SelectMany(r => QcdpRx().Matches(r)).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.True(commands.Count >= 4, string.Join("\n", commands));
        foreach (var command in commands)
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(readme.Contains($"qcdp {words[0]}"), $"README.md does not document 'qcdp {words[0]}' (used as: {command})");
            for (var i = 1; i < words.Length; i++)
            {
                if (!words[i].StartsWith("--", StringComparison.Ordinal)) continue;
                Assert.True(readme.Contains(words[i]), $"README.md does not document {words[i]} (used as: qcdp {command})");
                // An option with a fixed value (--format github) is documented with that value.
                if (i + 1 < words.Length && Regex.IsMatch(words[i + 1], "^[a-z]+$"))
                    Assert.True(readme.Contains($"{words[i]} {words[i + 1]}"), $"README.md does not document '{words[i]} {words[i + 1]}'");
            }
        }
    }

    [GeneratedRegex(@"dotnet run --project src/QcdpBuilder\.Cli -- ([^\n]+)")] private static partial Regex QcdpRx();
}
