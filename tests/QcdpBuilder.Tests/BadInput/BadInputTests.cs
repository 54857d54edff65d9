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

    /// <summary>
    /// Every command that reads content (validate, pack, report; build is above, serve is build then a server) on every
    /// case, in process: none may throw, and every problem is located. A case that breaks what a command reads gives
    /// that command's errors; validate gives the same error the build gives.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_command_reports_the_case_without_an_exception(string name)
    {
        var @case = BadInputCorpus.All.Single(c => c.Name == name);
        using var repo = new MiniRepo();
        try
        {
            previous.CopyInto(repo);
            @case.Break(repo);
            void Located(DiagnosticBag d, string command)
            {
                foreach (var item in d.Items)
                {
                    Assert.DoesNotContain("   at ", item.Message);
                    Assert.True(item.Line >= 1 && item.Column >= 1 && item.File.Length > 0, $"{name}, {command}: bad position in {item}");
                }
            }

            var validate = RunGuarded(() => PackageBuilder.Run(new BuildOptions(repo.Root) { Write = false }), name).Result.Diagnostics;
            Located(validate, "validate");
            // (A picture whose pixels are damaged is found only when a file is written, so validate cannot see it.)
            if (@case.Expect is Fails f && !f.Message.StartsWith("could not write", StringComparison.Ordinal))
                Assert.Contains(validate.Items, x => x.Severity == Severity.Error && x.File == f.File && x.Message.Contains(f.Message, StringComparison.Ordinal));
            else Assert.False(validate.HasErrors, string.Join("\n", validate.Items));

            var pack = RunGuarded(() => new BuildResult(QcdpBuilder.Packs.PackBuilder.Run(new QcdpBuilder.Packs.PackOptions(repo.Root) { Session = "1.1", OutputDir = repo.PathOf("packs-out") }).Diagnostics, null, []), name).Result.Diagnostics;
            Located(pack, "pack");

            var data = repo.PathOf("report-data");
            Directory.CreateDirectory(data);
            File.WriteAllText(Path.Combine(data, "active-coaches.csv"), "period,numerator,denominator\n2027 Q1,5,10\n2027 Q2,6,10\n");
            File.WriteAllText(Path.Combine(data, "confidence.csv"), "period,numerator,denominator\n2027 Q1,30,10\n");
            var report = RunGuarded(() => new BuildResult(QcdpBuilder.Reports.ReportRunner.Run(new QcdpBuilder.Reports.ReportOptions(repo.Root, data)).Diagnostics, null, []), name).Result.Diagnostics;
            Located(report, "report");
        }
        finally
        {
            if (Directory.Exists(repo.Root + "-outside")) Directory.Delete(repo.Root + "-outside", recursive: true);
        }
    }

    /// <summary>The qcdp program, every command, on cases that break different inputs: exit code 1, located errors, no stack trace.</summary>
    [Theory]
    [InlineData("image-symlink-loop")]
    [InlineData("logo-fifo")]
    [InlineData("font-corrupt-glyphs")]
    public void Every_command_of_the_program_exits_with_1_and_prints_no_stack_trace(string name)
    {
        var @case = BadInputCorpus.All.Single(c => c.Name == name);
        var f = Assert.IsType<Fails>(@case.Expect);
        using var repo = new MiniRepo();
        @case.Break(repo);
        var data = repo.PathOf("report-data");
        Directory.CreateDirectory(data);
        File.WriteAllText(Path.Combine(data, "active-coaches.csv"), "period,numerator,denominator\n2027 Q1,5,10\n");
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        probe.Stop();
        foreach (var args in new[] { ["build"], ["validate"], ["build", "--format", "html"], ["pack", "--session", "1.1"], ["serve", "--port", port], new[] { "report", "--data", data } })
        {
            var (code, _, err) = Qcdp.Run(repo.Root, HangGuard, args);
            var command = string.Join(' ', args);
            Assert.DoesNotContain("   at ", err);
            Assert.DoesNotContain("Unhandled exception", err);
            // report reads the profile, not the slides: it fails only when the profile is what is broken.
            if (args[0] == "report" && f.File != MiniRepo.Profile) continue;
            Assert.True(code == 1, $"qcdp {command}: exit code {code}\n{err}");
            Assert.Contains($"{f.File}:", err);
            Assert.Contains(f.Message, err);
        }
    }

    /// <summary>A few cases through the qcdp program itself: exit code 1, the message on stderr, no stack trace.</summary>
    [Theory]
    [InlineData("minutes-overflow-int")]
    [InlineData("handout-symlink-loop")]
    [InlineData("yaml-null-title")]
    [InlineData("png-interlaced")]
    [InlineData("org-name-arabic")]
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
