using QcdpBuilder.Branding;
using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Evaluation;

namespace QcdpBuilder.Fuzz;

/// <summary>
/// What the fuzz targets read against: a throw-away copy of the small fixture repository
/// (tests/QcdpBuilder.Tests/Fixtures/mini with the real templates), its organisation's brand and its
/// evaluation definition, made once per process. Each target writes its input into a file of this
/// copy, as a contributor would, and puts the original back afterwards.
/// </summary>
public sealed class FuzzWorkspace : IDisposable
{
    public string Repo { get; }
    /// <summary>The repository this copy was made from (its templates and fixture).</summary>
    public string Source { get; }
    public Brand Brand { get; }
    public EvaluationDefinition Evaluation { get; }
    /// <summary>A scratch folder inside the copy for files that are not content (workbooks, CSV folders, templates).</summary>
    public string Scratch { get; }

    public const string Session = "content/workstreams/01-sample/sessions/1.1-first-session/session.yaml";
    public const string Workstream = "content/workstreams/01-sample/workstream.yaml";
    public const string Programme = "content/programme.yaml";
    public const string Profile = "organisations/smith-jones/organisation.yaml";
    public const string Measures = EvaluationLoader.MeasuresFile;
    public const string Slides = "content/workstreams/01-sample/sessions/1.1-first-session/slides.md";

    public FuzzWorkspace(string sourceRepo)
    {
        Source = Path.GetFullPath(sourceRepo);
        Repo = Path.Combine(Path.GetTempPath(), "qcdp-fuzz-" + Guid.NewGuid().ToString("N")[..10]);
        Copy(Path.Combine(Source, "tests", "QcdpBuilder.Tests", "Fixtures", "mini"), Repo);
        Copy(Path.Combine(Source, "templates"), Path.Combine(Repo, "templates"));
        Scratch = Path.Combine(Repo, "scratch");
        Directory.CreateDirectory(Scratch);
        var d = new DiagnosticBag();
        var plan = PackageBuilder.Plan(new BuildOptions(Repo) { Write = false });
        if (plan.Diagnostics.HasErrors || plan.Organisation is null || plan.Programme is null)
            throw new InvalidOperationException("the fixture repository does not build:\n" + string.Join("\n", plan.Diagnostics.Items));
        Brand = QcdpBuilder.Branding.OrganisationBrand.Make(Repo, plan.Organisation, plan.Programme);
        Evaluation = EvaluationLoader.Load(Repo, d);
        if (d.HasErrors || Evaluation.Measures.Count == 0) throw new InvalidOperationException("the fixture's measures do not load:\n" + string.Join("\n", d.Items));
    }

    public string PathOf(string relative) => Path.Combine(Repo, relative);

    /// <summary>The repository holding this harness: QCDP_REPO, else the first folder up from here or the working folder with QcdpBuilder.sln.</summary>
    public static string FindRepository()
    {
        if (Environment.GetEnvironmentVariable("QCDP_REPO") is { Length: > 0 } set) return set;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "QcdpBuilder.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository (QcdpBuilder.sln); set QCDP_REPO");
    }

    /// <summary>Runs <paramref name="action"/> with <paramref name="relative"/> holding <paramref name="bytes"/>, then puts the original back.</summary>
    public T WithFile<T>(string relative, byte[] bytes, Func<string, T> action)
    {
        var path = PathOf(relative);
        var original = File.Exists(path) ? File.ReadAllBytes(path) : null;
        File.WriteAllBytes(path, bytes);
        try { return action(path); }
        finally
        {
            if (original is null) File.Delete(path);
            else File.WriteAllBytes(path, original);
        }
    }

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Repo, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
