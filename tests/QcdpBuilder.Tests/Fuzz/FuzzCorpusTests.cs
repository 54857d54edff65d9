using QcdpBuilder.Fuzz;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Fuzz;

/// <summary>One fuzz workspace (a copy of the fixture repository, its brand) for all the replays.</summary>
public sealed class FuzzWorkspaceFixture : IDisposable
{
    public FuzzWorkspace Workspace { get; } = new(RepoPaths.Root);
    public FuzzTargets Targets { get; }
    public FuzzWorkspaceFixture() => Targets = new FuzzTargets(Workspace);
    public void Dispose() => Workspace.Dispose();
}

/// <summary>
/// The fuzz targets of fuzz/QcdpBuilder.Fuzz, in process: every input that once crashed a reader
/// (kept by fuzz/run.sh in Fuzz/Crashes/&lt;target&gt;/) and every seed goes through the same target
/// again and must be read or refused with a located diagnostic, never an exception.
/// </summary>
public class FuzzCorpusTests(FuzzWorkspaceFixture fixture) : IClassFixture<FuzzWorkspaceFixture>
{
    static string Crashes => Path.Combine(RepoPaths.Root, "tests", "QcdpBuilder.Tests", "Fuzz", "Crashes");

    static readonly string[] Names = ["yaml", "markdown", "csv", "xlsx", "image", "font", "pptx-reference", "docx-reference"];

    public static TheoryData<string> Targets() => new(Names);

    [Fact]
    public void Every_target_is_tested_and_every_crash_folder_names_a_target()
    {
        Assert.Equal(Names.Order(StringComparer.Ordinal), fixture.Targets.All.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var dir in Directory.Exists(Crashes) ? Directory.GetDirectories(Crashes) : [])
            Assert.Contains(Path.GetFileName(dir), fixture.Targets.All.Select(t => t.Name));
    }

    [Theory, MemberData(nameof(Targets))]
    public void Every_kept_crash_input_is_read_or_refused_without_an_exception(string target)
    {
        var dir = Path.Combine(Crashes, target);
        var files = Directory.Exists(dir) ? Directory.GetFiles(dir).Order(StringComparer.Ordinal).ToList() : [];
        var failures = Replay(target, files.Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Theory, MemberData(nameof(Targets))]
    public void Every_seed_is_read_without_an_exception(string target)
    {
        var seeds = fixture.Targets[target].Seeds().ToList();
        Assert.NotEmpty(seeds);
        var failures = Replay(target, seeds);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    List<string> Replay(string target, IEnumerable<(string Name, byte[] Bytes)> inputs)
    {
        var run = fixture.Targets[target].Run;
        var failures = new List<string>();
        foreach (var (name, bytes) in inputs)
        {
            try { run(bytes); }
            catch (Exception e) { failures.Add($"{target}/{name}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}"); }
        }
        return failures;
    }
}
