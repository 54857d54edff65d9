using System.Security.Cryptography;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Output;

/// <summary>What a command asks of the output folder: where, for which product, and whether <c>--force</c> was given.</summary>
/// <param name="Given">The folder as the user named it (or the default's path from the repository), for messages.</param>
/// <param name="What">The command, for the lock's owner line ("qcdp build").</param>
public sealed record OutputRequest(string Root, string Dir, string Given, string Product, string What)
{
    public bool Force { get; init; }
    /// <summary>How long to wait for another qcdp writing the same folder.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// An output folder opened for writing: checked (<see cref="OutputPolicy"/>), locked against other qcdp
/// processes, and changed all or nothing. New files are written into <c>.qcdp/staging/</c> inside it; the
/// commit writes a journal (the one atomic step), then moves the files into place and removes the files the
/// last manifest listed that are no longer made. A process killed before the journal leaves the old package;
/// one killed after it is rolled forward by the next qcdp that opens the folder. Only files the previous
/// manifest lists are ever replaced or removed; a file that is in the way and not ours stops the commit.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    /// <summary>qcdp's own bookkeeping inside an output folder: the lock, the staging folder and the journal.</summary>
    public const string StateFolder = ".qcdp";

    readonly OutputRequest request;
    readonly OutputLock lockHandle;
    readonly bool created;
    bool committed;

    /// <summary>The folder's full path.</summary>
    public string Dir => request.Dir;
    /// <summary>What qcdp wrote here last time (null for a new or empty folder).</summary>
    public Manifest? Previous { get; }
    /// <summary>Where new files are written before the commit; empty when the folder is opened.</summary>
    public string Staging => Path.Combine(Dir, StateFolder, "staging");
    string Journal => Path.Combine(Dir, StateFolder, "commit");

    OutputFolder(OutputRequest request, OutputLock lockHandle, bool created, Manifest? previous) =>
        (this.request, this.lockHandle, this.created, Previous) = (request, lockHandle, created, previous);

    /// <summary>
    /// Checks and locks the folder, finishes or discards what a killed run left, and gives an empty staging
    /// folder; null (with the reason in <paramref name="d"/>) when the folder may not be written or is busy.
    /// </summary>
    public static OutputFolder? Open(OutputRequest request, DiagnosticBag d, Action<string>? progress = null)
    {
        var at = new SourceSpan(request.Given, 1, 1);
        if (!OutputPolicy.MayWriteTo(request.Root, request.Dir, request.Given, d)) return null;
        if (!OutputPolicy.MayWriteInto(request.Dir, request.Given, request.Product, request.Force, d)) return null;
        var created = !Directory.Exists(request.Dir);
        OutputLock? taken = null;
        try
        {
            Directory.CreateDirectory(request.Dir);
            taken = OutputLock.Take(Path.Combine(request.Dir, StateFolder), request.What, request.Wait, progress, out var holder);
            if (taken is null)
            {
                d.Report(Rules.OutputBusy, at, $"{request.Given} is being written by another qcdp: {holder ?? "a process that did not say who it is"}",
                    "wait for it to finish (a qcdp serve or build --watch writes on every save), or write to another folder with --out");
                return null;
            }
            var folder = new OutputFolder(request, taken, created, null);
            folder.Recover();
            // Looked at again under the lock: another qcdp may have written the folder while this one waited.
            if (!OutputPolicy.MayWriteInto(request.Dir, request.Given, request.Product, request.Force, d))
            {
                folder.Dispose();
                return null;
            }
            var opened = new OutputFolder(request, taken, created, Manifest.Read(request.Dir));
            Directory.CreateDirectory(opened.Staging);
            return opened;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            taken?.Dispose();
            d.Report(Rules.OutputFolder, at, $"cannot write to {request.Given}: {e.Message}", "check that the folder can be written (permissions, a read-only or full disk) or choose another with --out");
            if (created) TryRemoveEmpty(request.Dir);
            return null;
        }
    }

    /// <summary>
    /// Finishes (or throws away) what a killed run left in an existing output folder of ours, without writing
    /// anything new: for a run that fails before it writes. Problems are left to the next run that writes.
    /// </summary>
    public static void Recover(OutputRequest request)
    {
        if (!File.Exists(Path.Combine(request.Dir, StateFolder, "commit")) && !Directory.Exists(Path.Combine(request.Dir, StateFolder, "staging"))) return;
        using var folder = Open(request with { Wait = TimeSpan.FromSeconds(5) }, new DiagnosticBag());
    }

    /// <summary>
    /// Puts the staged files in place and records <paramref name="next"/> as the folder's manifest: every file
    /// the previous manifest lists and <paramref name="next"/> does not is removed. False (nothing changed) when a
    /// staged file would replace a file qcdp did not write, or one the user changed since (unless forced).
    /// </summary>
    public bool Commit(Manifest next, IReadOnlyCollection<string> staged, DiagnosticBag d)
    {
        var at = new SourceSpan(request.Given, 1, 1);
        var previous = (Previous?.Files ?? []).ToDictionary(f => f.Path, StringComparer.Ordinal);
        var keep = next.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var removed = previous.Keys.Where(p => !keep.Contains(p)).Order(StringComparer.Ordinal).ToList();
        try
        {
            foreach (var path in staged.Order(StringComparer.Ordinal))
            {
                var target = Path.Combine(Dir, path);
                if (Directory.Exists(target) || (File.Exists(target) || new FileInfo(target).LinkTarget is not null) && !previous.ContainsKey(path))
                    d.Report(Rules.OutputFolder, new SourceSpan(Path.Combine(request.Given, path), 1, 1), $"qcdp would replace {path}, which it did not write",
                        "move that file out of the output folder (qcdp never replaces files it did not write), or write to another folder with --out");
            }
            if (!request.Force)
                foreach (var path in staged.Concat(removed).Distinct().Order(StringComparer.Ordinal))
                    if (previous.TryGetValue(path, out var entry) && Changed(Path.Combine(Dir, path), entry))
                        d.Report(Rules.OutputFolder, new SourceSpan(Path.Combine(request.Given, path), 1, 1), $"{path} was changed after qcdp wrote it; the build would replace it and lose those changes",
                            "copy your edited file out of the output folder first (or bring the change back into the content), then build again; --force replaces it");
            if (d.HasErrors) return false;
            var manifest = next.ToBytes();
            var manifestPath = Path.Combine(Dir, Manifest.FileName);
            if (staged.Count == 0 && removed.Count == 0 && File.Exists(manifestPath) && File.ReadAllBytes(manifestPath).AsSpan().SequenceEqual(manifest))
            {
                committed = true; // nothing changed: leave every file, and its time stamp, alone
                return true;
            }

            // The commit point: once the journal is whole, the new package is the one that counts.
            var lines = staged.Order(StringComparer.Ordinal).Select(p => "move " + p).Concat(removed.Select(p => "delete " + p)).Append("move " + Manifest.FileName);
            File.WriteAllBytes(Path.Combine(Staging, Manifest.FileName), manifest);
            var temp = Journal + ".tmp";
            File.WriteAllLines(temp, lines);
            File.Move(temp, Journal, overwrite: true);
            Apply();
            committed = true;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            d.Report(Rules.OutputFolder, at, $"could not write to {request.Given}: {e.Message}", "check the disk has space and the folder can be written; the previous files are kept");
            return false;
        }
    }

    /// <summary>
    /// Stages <paramref name="files"/> and commits them beside what the folder already lists (packs and reports
    /// accumulate: a run for one session keeps another's files). False, with the reason, if any could not be written.
    /// </summary>
    public bool Add(IReadOnlyList<(string Path, byte[] Bytes)> files, string kind, string source, IReadOnlyList<(string Key, string Value)> header, DiagnosticBag d)
    {
        var entries = (Previous?.Files ?? []).ToDictionary(f => f.Path, StringComparer.Ordinal);
        try
        {
            foreach (var (path, bytes) in files)
            {
                File.WriteAllBytes(Path.Combine(Staging, path), bytes);
                entries[path] = new ManifestEntry(path, kind, source, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);
            }
        }
        // A full disk or a folder that cannot be written: one error naming where, never a crash.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            d.Report(Rules.OutputFolder, new SourceSpan(request.Given, 1, 1), $"could not write to {request.Given}: {e.Message}",
                "check the disk has space and the folder can be written; the files already there are kept");
            return false;
        }
        return Commit(new Manifest(request.Product, header, [.. entries.Values]), [.. files.Select(f => f.Path)], d);
    }

    /// <summary>Whether the file on disk is no longer what qcdp wrote there (a missing file is not a change).</summary>
    static bool Changed(string path, ManifestEntry entry)
    {
        var info = new FileInfo(path);
        if (!info.Exists) return false;
        if (info.LinkTarget is not null || (entry.Bytes >= 0 && info.Length != entry.Bytes)) return true;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return !Convert.ToHexStringLower(SHA256.HashData(stream)).Equals(entry.Sha256, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Carries out the journal: moves staged files in, removes what is no longer made, then forgets the journal.</summary>
    void Apply()
    {
        foreach (var line in File.ReadAllLines(Journal))
        {
            var (verb, path) = (line[..line.IndexOf(' ')], line[(line.IndexOf(' ') + 1)..]);
            if (!Manifest.IsSafeRelative(path)) continue;
            var target = Path.Combine(Dir, path);
            if (verb == "move")
            {
                var source = Path.Combine(Staging, path);
                if (!File.Exists(source)) continue; // already moved by an earlier, interrupted run
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(source, target, overwrite: true);
            }
            else if (verb == "delete" && File.Exists(target))
            {
                File.Delete(target);
                PruneEmptyParents(target);
            }
        }
        File.Delete(Journal);
        DeleteStaging();
    }

    /// <summary>After a killed run: a whole journal is carried out; a staging folder without one is thrown away.</summary>
    void Recover()
    {
        if (File.Exists(Journal)) Apply();
        else DeleteStaging();
        if (File.Exists(Journal + ".tmp")) File.Delete(Journal + ".tmp");
    }

    void DeleteStaging()
    {
        // Only ever qcdp's own staging folder, inside the state folder qcdp made.
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }

    /// <summary>Removes folders a removed file leaves empty, up to (not including) the output folder.</summary>
    void PruneEmptyParents(string file)
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null && OutputPolicy.IsInside(dir, Dir) && !OutputPolicy.IsInside(Dir, dir); dir = Path.GetDirectoryName(dir))
        {
            if (Directory.EnumerateFileSystemEntries(dir).Any()) break;
            Directory.Delete(dir);
        }
    }

    static void TryRemoveEmpty(string dir)
    {
        try
        {
            var state = Path.Combine(dir, StateFolder);
            if (Directory.Exists(state) && !Directory.EnumerateFileSystemEntries(state).Any(e => Path.GetFileName(e) is not ("lock" or "owner" or "staging"))) Directory.Delete(state, recursive: true);
            if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Releases the lock. A folder this run created and never committed to is removed again (output appears whole or not at all).</summary>
    public void Dispose()
    {
        try { if (!committed) DeleteStaging(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        lockHandle.Dispose();
        if (created && !committed) TryRemoveEmpty(Dir);
    }
}
