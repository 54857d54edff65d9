using System.Text.RegularExpressions;
using QcdpBuilder.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace QcdpBuilder.Tests.Workflows;

/// <summary>
/// The GitHub Actions workflows in .github/workflows: well-formed, safe for pull requests from
/// forks (read-only token, no secrets, never pull_request_target), and using only qcdp commands
/// that the user guide (README.md, docs/) documents; the release workflow's jobs each with the least permissions they need.
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
    public void The_three_workflows_exist()
    {
        Assert.Equal(["pages.yml", "pull-request.yml", "release.yml"], Workflows().Select(w => w.Name));
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

    /// <summary>Why a workflow would be unsafe for pull requests from forks; empty when it is safe.</summary>
    static List<string> SafetyProblems(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var problems = new List<string>();
        var triggers = Triggers(root).ToList();
        var code = string.Join("\n", text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
        if (triggers.Contains("pull_request_target") || code.Contains("pull_request_target")) problems.Add("uses pull_request_target");
        if (!triggers.Contains("pull_request")) return problems;
        if (Get(root, "permissions") is not YamlMappingNode top) { problems.Add("no top-level permissions (the default token may write)"); return problems; }
        var all = new List<YamlMappingNode> { top };
        all.AddRange(((YamlMappingNode)Get(root, "jobs")!).Children.Values.Select(j => Get(j, "permissions")).OfType<YamlMappingNode>());
        foreach (var (scope, level) in all.SelectMany(p => p.Children))
            if (((YamlScalarNode)level).Value is not ("read" or "none")) problems.Add($"{scope}: {level}");
        if (code.Contains("secrets.")) problems.Add("uses secrets");
        if (code.Contains("write-all")) problems.Add("write-all");
        return problems;
    }

    [Fact]
    public void Pull_request_workflows_are_read_only_and_never_pull_request_target()
    {
        foreach (var (name, text, _) in Workflows())
            Assert.True(SafetyProblems(text).Count == 0, $"{name}: {string.Join("; ", SafetyProblems(text))}");
    }

    [Fact]
    public void The_safety_check_catches_unsafe_workflows()
    {
        const string safe = "on: pull_request\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";
        Assert.Empty(SafetyProblems(safe));
        Assert.Equal(["uses pull_request_target"], SafetyProblems(safe.Replace("on: pull_request", "on: pull_request_target")));
        Assert.Equal(["contents: write"], SafetyProblems(safe.Replace("contents: read", "contents: write")));
        Assert.Equal(["no top-level permissions (the default token may write)"], SafetyProblems(safe.Replace("permissions:\n  contents: read\n", "")));
        Assert.Equal(["pull-requests: write"], SafetyProblems(safe.Replace("    runs-on:", "    permissions:\n      pull-requests: write\n    runs-on:")));
        Assert.Equal(["uses secrets"], SafetyProblems(safe.Replace("echo hi", "echo ${{ secrets.TOKEN }}")));
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
        // Least privilege per job: the build job reads the repository, only the deploy job writes to Pages.
        Assert.Equal(["contents: read"], Permissions(root, "build"));
        Assert.Equal(["id-token: write", "pages: write"], Permissions(root, "deploy"));
        var steps = Steps(root).ToList();
        Assert.Contains(steps, s => (Get(s, "run") as YamlScalarNode)?.Value?.Contains("-- build --format html") == true);
        Assert.Contains(steps, s => (Get(s, "uses") as YamlScalarNode)?.Value?.StartsWith("actions/upload-pages-artifact@") == true);
        Assert.Contains(steps, s => (Get(s, "uses") as YamlScalarNode)?.Value?.StartsWith("actions/deploy-pages@") == true);
    }

    /// <summary>
    /// A job's token as "scope: level" lines, sorted: its own permissions, else the workflow's; "*: write-all"
    /// or "*: read-all" for the shorthands, "*: default" when neither sets any (the repository's default may write).
    /// </summary>
    static List<string> Permissions(YamlMappingNode root, string job)
    {
        var set = Get(Get(Get(root, "jobs")!, job)!, "permissions") ?? Get(root, "permissions");
        return set switch
        {
            YamlMappingNode m => m.Children.Select(c => $"{((YamlScalarNode)c.Key).Value}: {((YamlScalarNode)c.Value).Value}").Order(StringComparer.Ordinal).ToList(),
            YamlScalarNode s => [$"*: {s.Value}"],
            _ => ["*: default"],
        };
    }

    /// <summary>
    /// Why a workflow's tokens are broader than its jobs need; empty when each job has least privilege: the
    /// workflow grants nothing that writes to every job, and a job that may write runs no code from the repository
    /// (no checkout, no run step), so a change that reaches a build step cannot use a write token.
    /// </summary>
    static List<string> PrivilegeProblems(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var problems = new List<string>();
        static bool Writes(string permission) => !permission.EndsWith(": read", StringComparison.Ordinal) && !permission.EndsWith(": none", StringComparison.Ordinal) && permission != "*: read-all";
        if (Get(root, "permissions") is not { } top) problems.Add("no top-level permissions (the default token may write)");
        else if (top is YamlScalarNode { Value: not "read-all" } || top is YamlMappingNode m && m.Children.Any(c => Writes($"{c.Key}: {c.Value}")))
            problems.Add("the top-level permissions write, for every job");
        foreach (var (name, job) in ((YamlMappingNode)Get(root, "jobs")!).Children)
        {
            var writes = Permissions(root, ((YamlScalarNode)name).Value!).Where(Writes).ToList();
            if (writes.Count == 0) continue;
            // A job that checks the repository out can run its code (a build script, a test); one that only handles
            // artefacts built elsewhere (publishing a release with gh) cannot.
            var runsCode = ((YamlSequenceNode)Get(job, "steps")!).Children.Any(s => (Get(s, "uses") as YamlScalarNode)?.Value?.StartsWith("actions/checkout@") == true);
            if (runsCode) problems.Add($"job {name} runs the repository's code with {string.Join(", ", writes)}");
        }
        return problems;
    }

    [Fact]
    public void Every_job_has_least_privilege()
    {
        foreach (var (name, text, _) in Workflows())
            Assert.True(PrivilegeProblems(text).Count == 0, $"{name}: {string.Join("; ", PrivilegeProblems(text))}");
    }

    [Fact]
    public void The_privilege_check_catches_a_build_job_that_can_write()
    {
        const string perJob = "on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - uses: actions/checkout@v4\n      - run: make\n" +
            "  deploy:\n    needs: build\n    runs-on: ubuntu-latest\n    permissions:\n      pages: write\n      id-token: write\n    steps:\n      - uses: actions/deploy-pages@v4\n";
        Assert.Empty(PrivilegeProblems(perJob));
        // The layout this workflow had before: write permissions at the top, so the build job had them too.
        var shared = perJob.Replace("permissions: {}\n", "permissions:\n  contents: read\n  pages: write\n  id-token: write\n")
            .Replace("    permissions:\n      contents: read\n", "").Replace("    permissions:\n      pages: write\n      id-token: write\n", "");
        Assert.Equal(["the top-level permissions write, for every job", "job build runs the repository's code with id-token: write, pages: write"], PrivilegeProblems(shared));
        Assert.Equal(["no top-level permissions (the default token may write)", "job build runs the repository's code with *: default"], PrivilegeProblems(perJob.Replace("permissions: {}\n", "").Replace("    permissions:\n      contents: read\n", "")));
        Assert.Equal(["job build runs the repository's code with contents: write"], PrivilegeProblems(perJob.Replace("contents: read", "contents: write")));
        Assert.Equal(["the top-level permissions write, for every job", "job build runs the repository's code with *: write-all"], PrivilegeProblems(perJob.Replace("permissions: {}", "permissions: write-all").Replace("    permissions:\n      contents: read\n", "")));
    }

    [Fact]
    public void Every_qcdp_command_the_workflows_use_is_documented_in_the_readme()
    {
        // The user guide: the front page and docs/ (the commands' reference is docs/commands.md).
        var readme = string.Join("\n", Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").Order(StringComparer.Ordinal)
            .Prepend(Path.Combine(RepoPaths.Root, "README.md")).Select(File.ReadAllText));
        var commands = Workflows().SelectMany(w => Steps(w.Root)).Select(s => (Get(s, "run") as YamlScalarNode)?.Value ?? "")
            .SelectMany(r => QcdpRx().Matches(r)).Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.True(commands.Count >= 4, string.Join("\n", commands));
        foreach (var command in commands)
        {
            var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(readme.Contains($"qcdp {words[0]}"), $"the user guide (README.md, docs/) does not document 'qcdp {words[0]}' (used as: {command})");
            for (var i = 1; i < words.Length; i++)
            {
                if (!words[i].StartsWith("--", StringComparison.Ordinal)) continue;
                Assert.True(readme.Contains(words[i]), $"the user guide (README.md, docs/) does not document {words[i]} (used as: qcdp {command})");
                // An option with a fixed value (--format github) is documented with that value.
                if (i + 1 < words.Length && Regex.IsMatch(words[i + 1], "^[a-z]+$"))
                    Assert.True(readme.Contains($"{words[i]} {words[i + 1]}"), $"the user guide (README.md, docs/) does not document '{words[i]} {words[i + 1]}'");
            }
        }
    }

    [Fact]
    public void The_pull_request_workflow_runs_the_tests()
    {
        var (_, _, root) = Workflows().Single(w => w.Name == "pull-request.yml");
        var runs = Steps(root).Select(s => (Get(s, "run") as YamlScalarNode)?.Value ?? "").ToList();
        Assert.Contains(runs, r => Regex.IsMatch(r, @"(^|\n)\s*dotnet test\b"));
    }

    /// <summary>
    /// Why the release workflow's token would have more power than it needs; empty when it has not: no
    /// permissions at the top, each job its own, only one job that writes and only contents, and secrets only
    /// in a job that cannot write.
    /// </summary>
    static List<string> ReleasePermissionProblems(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var problems = new List<string>();
        var code = string.Join("\n", text.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
        if (Triggers(root).Any(t => t.StartsWith("pull_request", StringComparison.Ordinal)) || code.Contains("pull_request_target")) problems.Add("runs for pull requests");
        if (code.Contains("write-all") || code.Contains("read-all")) problems.Add("write-all or read-all");
        if (Get(root, "permissions") is not YamlMappingNode { Children.Count: 0 }) problems.Add("top-level permissions are not {}");
        var writers = new List<string>();
        foreach (var (key, job) in ((YamlMappingNode)Get(root, "jobs")!).Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (Get(job, "permissions") is not YamlMappingNode permissions) { problems.Add($"{name}: no permissions of its own"); continue; }
            foreach (var (scope, level) in permissions.Children)
            {
                var value = ((YamlScalarNode)level).Value;
                if (value is "read" or "none") continue;
                if (((YamlScalarNode)scope).Value == "contents" && value == "write") writers.Add(name);
                else problems.Add($"{name}: {scope}: {value}");
            }
            if (TextOf(job).Contains("secrets.") && writers.Contains(name)) problems.Add($"{name}: uses secrets and can write");
        }
        if (writers.Count > 1) problems.Add($"more than one job writes: {string.Join(", ", writers)}");
        return problems;
    }

    /// <summary>Every scalar in a YAML node, one a line, to look for expressions in it.</summary>
    static string TextOf(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode q => string.Join("\n", q.Children.Select(TextOf)),
        YamlMappingNode m => string.Join("\n", m.Children.Select(c => TextOf(c.Key) + ": " + TextOf(c.Value))),
        _ => "",
    };

    [Fact]
    public void The_release_workflow_gives_each_job_the_least_permissions_and_never_runs_for_pull_requests()
    {
        var (_, text, root) = Workflows().Single(w => w.Name == "release.yml");
        Assert.Empty(ReleasePermissionProblems(text));
        Assert.Equal(["push"], Triggers(root));
        var tags = (YamlSequenceNode)Get(Get(Get(root, "on")!, "push")!, "tags")!;
        Assert.Equal(["v*"], tags.Children.Select(c => ((YamlScalarNode)c).Value));
    }

    [Fact]
    public void The_release_permission_check_catches_too_much_power()
    {
        const string safe = "on:\n  push:\n    tags: [\"v*\"]\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - run: echo ${{ secrets.KEY }}\n  b:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n    steps:\n      - run: gh release create\n";
        Assert.Empty(ReleasePermissionProblems(safe));
        Assert.Equal(["runs for pull requests"], ReleasePermissionProblems(safe.Replace("  push:\n    tags: [\"v*\"]", "  pull_request_target:")));
        Assert.Equal(["top-level permissions are not {}"], ReleasePermissionProblems(safe.Replace("permissions: {}", "permissions:\n  contents: write")));
        Assert.Equal(["a: no permissions of its own"], ReleasePermissionProblems(safe.Replace("    permissions:\n      contents: read\n", "")));
        Assert.Equal(["a: packages: write"], ReleasePermissionProblems(safe.Replace("      contents: read", "      contents: read\n      packages: write")));
        Assert.Equal(["a: uses secrets and can write", "more than one job writes: a, b"], ReleasePermissionProblems(safe.Replace("contents: read", "contents: write")));
        Assert.Equal(["b: uses secrets and can write"], ReleasePermissionProblems(safe.Replace("gh release create", "gh release create ${{ secrets.KEY }}")));
        Assert.Equal(["write-all or read-all", "top-level permissions are not {}"], ReleasePermissionProblems(safe.Replace("permissions: {}", "permissions: write-all")));
    }

    [Fact]
    public void The_release_workflow_packs_the_tool_and_builds_three_single_file_binaries_running_the_linux_one()
    {
        var (_, _, root) = Workflows().Single(w => w.Name == "release.yml");
        var jobs = (YamlMappingNode)Get(root, "jobs")!;
        string Runs(string job) => string.Join("\n", ((YamlSequenceNode)Get(jobs[job], "steps")!).Children.Select(s => (Get(s, "run") as YamlScalarNode)?.Value ?? ""));

        Assert.Contains("dotnet pack src/QcdpBuilder.Cli", Runs("package"));
        Assert.Contains("dotnet tool install --tool-path", Runs("package"));

        var include = (YamlSequenceNode)Get(Get(Get(jobs["binaries"], "strategy")!, "matrix")!, "include")!;
        var targets = include.Children.Select(c => (Rid: ((YamlScalarNode)c["rid"]).Value!, Os: ((YamlScalarNode)c["os"]).Value!)).ToList();
        Assert.Equal(["linux-x64", "osx-arm64", "win-x64"], targets.Select(t => t.Rid).Order(StringComparer.Ordinal));
        Assert.StartsWith("ubuntu-", targets.Single(t => t.Rid == "linux-x64").Os, StringComparison.Ordinal);
        Assert.Equal("${{ matrix.os }}", ((YamlScalarNode)Get(jobs["binaries"], "runs-on")!).Value);
        var publish = Runs("binaries");
        foreach (var part in new[] { "dotnet publish src/QcdpBuilder.Cli", "-r \"${{ matrix.rid }}\"", "--self-contained", "-p:PublishSingleFile=true", "-p:PublishReadyToRun=true" })
            Assert.Contains(part, publish);
        // The binary just published is run on the repository, on its own system (the linux one on ubuntu).
        Assert.Matches(@"\./publish/\$\{\{ matrix\.exe \}\} validate", publish);

        // Nothing is published before every binary has been built and run.
        var needs = ((YamlSequenceNode)Get(jobs["release"], "needs")!).Children.Select(c => ((YamlScalarNode)c).Value);
        Assert.Equal(["binaries", "package"], needs.Order(StringComparer.Ordinal));
        Assert.Contains("gh release create", Runs("release"));
        Assert.Contains("dotnet nuget push", Runs("nuget"));
    }

    [GeneratedRegex(@"dotnet run --project src/QcdpBuilder\.Cli -- ([^\n]+)")] private static partial Regex QcdpRx();
}
