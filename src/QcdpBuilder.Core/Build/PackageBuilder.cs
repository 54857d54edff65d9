using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Output;

namespace QcdpBuilder.Build;

/// <summary>What to build and where.</summary>
public sealed record BuildOptions(string Root)
{
    /// <summary>
    /// The organisation: a slug (<c>organisations/&lt;slug&gt;/organisation.yaml</c>) or a path to a profile;
    /// null builds the default organisation (see <see cref="OrganisationFolders"/>).
    /// </summary>
    public string? Profile { get; init; }
    /// <summary>Output folder; defaults to <c>output/&lt;organisation slug&gt;</c>.</summary>
    public string? OutputDir { get; init; }
    /// <summary>False for <c>qcdp validate</c>: everything is checked, nothing written.</summary>
    public bool Write { get; init; } = true;
    /// <summary>Only files with these extensions ("pptx", "docx", "pdf"); null for the whole package.</summary>
    public IReadOnlySet<string>? Only { get; init; }
    /// <summary>Also write the programme as a static website into <c>site/</c> (<c>qcdp build --format html</c>).</summary>
    public bool Site { get; init; }
    /// <summary><c>--force</c>: write into a folder that holds other files (never replacing them), and replace generated files edited since.</summary>
    public bool Force { get; init; }
}

/// <summary>One file of the package: where it goes, what kind it is, what it came from, and how to make it.</summary>
public sealed record Artefact(string Path, string Kind, string Source, Func<byte[]> Render)
{
    /// <summary>
    /// The content files (full paths) this file is made from, for incremental rebuilds. Files no artefact
    /// claims (programme.yaml, the profile, the logo, fonts) count as inputs of every artefact. Null when not
    /// known: such an artefact is made again after every change.
    /// </summary>
    public IReadOnlyList<string>? Inputs { get; init; }

    /// <summary>
    /// Facts from the whole plan the file shows beyond its <see cref="Inputs"/> (a site page's picture names and
    /// the list of files it may link to): when it differs from the last plan's, an incremental rebuild makes the file again.
    /// </summary>
    public string? Context { get; init; }

    /// <summary>Bytes rendered ahead of time by <see cref="EarlyRender"/>, waiting for <see cref="Take"/>.</summary>
    readonly EarlySlot early = new();

    /// <summary>Renders now, keeping the bytes (or the exception) for <see cref="Take"/>; does nothing if already taken or rendered.</summary>
    public void RenderEarly() => early.Fill(Render);

    /// <summary>The artefact's bytes: those rendered early if there are any (and then forgets them), else rendered now.</summary>
    public byte[] Take() => early.Take(Render);

    sealed class EarlySlot
    {
        byte[]? bytes;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? error;
        bool taken;

        public void Fill(Func<byte[]> render)
        {
            lock (this)
            {
                if (taken || bytes is not null || error is not null) return;
                try { bytes = render(); }
                catch (Exception e) when (e is not OutOfMemoryException) { error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); }
            }
        }

        public byte[] Take(Func<byte[]> render)
        {
            lock (this) // waits for an early render still under way
            {
                if (!taken)
                {
                    taken = true;
                    var (b, e) = (bytes, error);
                    (bytes, error) = (null, null);
                    e?.Throw();
                    if (b is not null) return b;
                }
            }
            return render();
        }
    }
}

/// <summary>The outcome of a build: every diagnostic, and the files written (empty when nothing was).</summary>
public sealed record BuildResult(DiagnosticBag Diagnostics, string? OutputDir, IReadOnlyList<ManifestEntry> Files);

/// <summary>Everything a build would write, not yet rendered: what <see cref="PackageBuilder.Plan"/> returns.</summary>
public sealed record BuildPlan(DiagnosticBag Diagnostics, IReadOnlyList<Artefact> Artefacts, Programme? Programme, Organisation? Organisation);

/// <summary>
/// The build pipeline, top to bottom: load → customise → render templates → parse → write.
/// Nothing is written unless every step succeeded; output goes to a temporary folder that
/// replaces the old one only at the end, so a failed build leaves the previous package intact.
/// </summary>
public static partial class PackageBuilder
{
    public static BuildResult Run(BuildOptions options, Action<string>? progress = null)
    {
        // A folder given with --out that may never be written is refused before any work is done.
        if (options.Write && options.OutputDir is { } given)
        {
            var refused = new DiagnosticBag();
            var request = PackageOutput.Request(options, Path.GetFullPath(given));
            if (!OutputPolicy.MayWriteTo(request.Root, request.Dir, request.Given, refused) || !OutputPolicy.MayWriteInto(request.Dir, request.Given, request.Product, request.Force, refused))
                return new BuildResult(refused, null, []);
        }
        // While this thread loads, checks and parses, the other cores render what is already planned; the plan
        // still decides everything, and nothing is written unless it has no errors.
        using var early = options.Write ? new EarlyRender(a => options.Only is not { } only || only.Contains(Path.GetExtension(a.Path).TrimStart('.'))) : null;
        var plan = Plan(options, progress, early);
        early?.Stop();
        if (!options.Write || plan.Organisation is null) return new BuildResult(plan.Diagnostics, null, []);
        // A build killed while it committed is finished by the next one, even if that one is about to fail.
        if (plan.Diagnostics.HasErrors) OutputFolder.Recover(PackageOutput.Request(options, OutputDirFor(options, plan.Organisation)));
        if (plan.Diagnostics.HasErrors || plan.Programme is null) return new BuildResult(plan.Diagnostics, null, []);
        return Write(options, plan, progress);
    }

    /// <summary>Step 5 for a plan without errors: render every artefact into a temporary folder, then swap it in.</summary>
    public static BuildResult Write(BuildOptions options, BuildPlan plan, Action<string>? progress = null)
    {
        if (plan.Diagnostics.HasErrors || plan.Programme is null || plan.Organisation is null) return new BuildResult(plan.Diagnostics, null, []);
        var outDir = OutputDirFor(options, plan.Organisation);
        var artefacts = options.Only is { } only ? plan.Artefacts.Where(a => only.Contains(Path.GetExtension(a.Path).TrimStart('.'))).ToList() : plan.Artefacts;
        var files = PackageOutput.Write(PackageOutput.Request(options, outDir), artefacts, plan.Programme, plan.Organisation, plan.Diagnostics, progress);
        return files is null ? new BuildResult(plan.Diagnostics, null, []) : new BuildResult(plan.Diagnostics, outDir, files);
    }

    /// <summary>Where a build writes: <c>--out</c>, or <c>output/&lt;organisation slug&gt;</c>.</summary>
    public static string OutputDirFor(BuildOptions options, Organisation org)
    {
        var root = Path.GetFullPath(options.Root);
        return Path.GetFullPath(options.OutputDir ?? Path.Combine(root, "output", org.Slug), root);
    }
}
