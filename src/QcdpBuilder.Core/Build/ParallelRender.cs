using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace QcdpBuilder.Build;

/// <summary>
/// An artefact rendered: its SHA-256 and length, and its bytes unless a writer already took them; or the
/// exception that stopped it (<see cref="Error"/> set, the rest null).
/// </summary>
public sealed record Rendered(Artefact Artefact, byte[]? Bytes, string? Sha256, long Length, Exception? Error);

/// <summary>
/// Renders artefacts on every core. Each artefact's bytes depend only on its own inputs (writers share
/// nothing mutable but process-wide, content-keyed caches of fonts and pictures), and results come back in
/// the order given, so the package is byte-identical however the work was scheduled.
/// </summary>
public static class ParallelRender
{
    /// <param name="write">
    /// If given, called on the worker with each artefact's bytes and SHA-256 as soon as it is rendered; the bytes
    /// are then dropped, so a whole package is never held in memory at once.
    /// </param>
    public static Rendered[] All(IReadOnlyList<Artefact> artefacts, Action<string>? progress = null, int maxDegreeOfParallelism = -1,
        Action<Artefact, byte[], string>? write = null)
    {
        var results = new Rendered[artefacts.Count];
        var gate = new object();
        // One item at a time (no chunking): artefacts differ a lot in cost, so this balances the cores best.
        var work = Partitioner.Create(Enumerable.Range(0, artefacts.Count), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i =>
        {
            var a = artefacts[i];
            if (progress is not null) lock (gate) progress(a.Path);
            try
            {
                var bytes = a.Take();
                var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
                write?.Invoke(a, bytes, sha);
                results[i] = new Rendered(a, write is null ? bytes : null, sha, bytes.Length, null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                results[i] = new Rendered(a, null, null, 0, e);
            }
        });
        return results;
    }
}
