using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.BadInput;

/// <summary>A good package built once, copied into every case's repository as "the previous output".</summary>
public sealed class PreviousPackage : IDisposable
{
    readonly MiniRepo repo = new();
    public string OutputDir { get; }

    public PreviousPackage()
    {
        var result = PackageBuilder.Run(new BuildOptions(repo.Root));
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
        OutputDir = result.OutputDir!;
    }

    public void CopyInto(MiniRepo target) => Copy(OutputDir, target.PathOf("output/smith-jones"));

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public void Dispose() => repo.Dispose();
}

/// <summary>
/// Runs every case of <see cref="BadInputCorpus"/> through the real build: a clear message at the
/// right place, no crash, no hang, bounded memory, and the previous package left byte for byte
/// as it was. A subset also goes through the qcdp program to check the exit code and that no
/// stack trace reaches the user.
/// </summary>
public class BadInputTests(PreviousPackage previous) : IClassFixture<PreviousPackage>
{
    /// <summary>Hang guard, not a performance figure: a case that takes this long is stuck.</summary>
    static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    /// <summary>Memory guard: what one build may allocate in total (an upper bound on its peak).</summary>
    const long AllocationGuard = 3L << 30;

    public static TheoryData<string> Cases() => new(BadInputCorpus.All.Select(c => c.Name));

    [Fact]
    public void The_corpus_has_at_least_forty_cases_with_unique_names()
    {
        Assert.True(BadInputCorpus.All.Length >= 40, $"{BadInputCorpus.All.Length} cases");
        Assert.Equal(BadInputCorpus.All.Length, BadInputCorpus.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_reported_not_crashed_on(string name)
    {
        var @case = BadInputCorpus.All.Single(c => c.Name == name);
        using var repo = new MiniRepo();
        try
        {
            previous.CopyInto(repo);
            var outDir = repo.PathOf("output/smith-jones");
            var before = Snapshot(outDir);
            @case.Break(repo);

            var (result, allocated) = RunGuarded(() => PackageBuilder.Run(new BuildOptions(repo.Root)), name);
            var d = result.Diagnostics;
            var all = string.Join("\n", d.Sorted());
            Assert.True(allocated < AllocationGuard, $"{name}: the build allocated {allocated >> 20} MB");
            foreach (var item in d.Items)
            {
                Assert.DoesNotContain("   at ", item.Message);
                Assert.DoesNotContain("Exception", item.Message);
                Assert.True(item.Line >= 1 && item.Column >= 1, $"{name}: bad position in {item}");
            }

            switch (@case.Expect)
            {
                case Fails f:
                    Assert.True(d.HasErrors, $"{name}: expected an error ({f}) but the build succeeded:\n{all}");
                    Assert.True(d.Items.Any(x => x.Severity == Severity.Error && x.File == f.File && x.Message.Contains(f.Message, StringComparison.Ordinal)
                            && (f.Line is null || x.Line == f.Line) && (f.Column is null || x.Column == f.Column)),
                        $"{name}: expected {f}; got:\n{all}");
                    Assert.True(d.Items.Where(x => x.Severity == Severity.Error).All(x => !string.IsNullOrWhiteSpace(x.Message)));
                    Assert.Null(result.OutputDir);
                    Assert.Equal(before, Snapshot(outDir));
                    break;
                case Warns w:
                    Assert.False(d.HasErrors, $"{name}: expected a build with a warning; got:\n{all}");
                    Assert.True(d.Items.Any(x => x.Severity == Severity.Warning && x.File == w.File && x.Message.Contains(w.Message, StringComparison.Ordinal)
                            && (w.Line is null || x.Line == w.Line) && (w.Column is null || x.Column == w.Column)),
                        $"{name}: expected {w}; got:\n{all}");
                    Assert.NotNull(result.OutputDir);
                    break;
                case Builds:
                    Assert.False(d.HasErrors, $"{name}: expected a clean build; got:\n{all}");
                    Assert.NotNull(result.OutputDir);
                    Assert.True(File.Exists(Path.Combine(outDir, "manifest.json")));
                    break;
            }
            Assert.False(Directory.Exists(outDir + ".tmp"), "the temporary folder was left behind");
        }
        finally
        {
            if (Directory.Exists(repo.Root + "-outside")) Directory.Delete(repo.Root + "-outside", recursive: true);
        }
    }

    /// <summary>A few cases through the qcdp program itself: exit code 1, the message on stderr, no stack trace.</summary>
    [Theory]
    [InlineData("yaml-duplicate-key")]
    [InlineData("yaml-deep-nesting")]
    [InlineData("invalid-utf8-markdown")]
    [InlineData("deep-quote")]
    [InlineData("png-huge")]
    [InlineData("fill-in-huge-number")]
    [InlineData("reference-deck-truncated")]
    [InlineData("font-not-font")]
    public void The_program_exits_with_1_and_prints_no_stack_trace(string name)
    {
        var @case = BadInputCorpus.All.Single(c => c.Name == name);
        var f = Assert.IsType<Fails>(@case.Expect);
        using var repo = new MiniRepo();
        try
        {
            previous.CopyInto(repo);
            var before = Snapshot(repo.PathOf("output/smith-jones"));
            @case.Break(repo);
            var (code, _, err) = Qcdp.Run(repo.Root, HangGuard, "build");
            Assert.Equal(1, code);
            Assert.Contains($"{f.File}:", err);
            Assert.Contains(f.Message, err);
            Assert.DoesNotContain("   at ", err);
            Assert.DoesNotContain("Unhandled exception", err);
            Assert.Equal(before, Snapshot(repo.PathOf("output/smith-jones")));
        }
        finally
        {
            if (Directory.Exists(repo.Root + "-outside")) Directory.Delete(repo.Root + "-outside", recursive: true);
        }
    }

    /// <summary>Runs <paramref name="build"/> on its own thread; fails if it does not finish within the hang guard.</summary>
    static (BuildResult Result, long Allocated) RunGuarded(Func<BuildResult> build, string name)
    {
        var task = Task.Factory.StartNew(() =>
        {
            var start = GC.GetAllocatedBytesForCurrentThread();
            var result = build();
            return (result, GC.GetAllocatedBytesForCurrentThread() - start);
        }, TaskCreationOptions.LongRunning);
        Assert.True(task.Wait(HangGuard), $"{name}: the build did not finish within {HangGuard.TotalSeconds} s");
        return task.Result;
    }

    /// <summary>Every file under a folder with its bytes, for byte-for-byte comparison.</summary>
    public static List<(string Path, string Sha256)> Snapshot(string dir) =>
        Directory.Exists(dir)
            ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(dir, f).StartsWith(".qcdp" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(dir, f), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))).ToList()
            : [];
}
