using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace QcdpBuilder.Build;

/// <summary>An artefact rendered to bytes (with their SHA-256), or the exception that stopped it.</summary>
public sealed record Rendered(Artefact Artefact, byte[]? Bytes, string? Sha256, Exception? Error);

/// <summary>
/// Renders artefacts on every core. Each artefact's bytes depend only on its own inputs (writers share
/// nothing mutable but process-wide, content-keyed caches of fonts and pictures), and results come back in
/// the order given, so the package is byte-identical however the work was scheduled.
/// </summary>
public static class ParallelRender
{
    public static Rendered[] All(IReadOnlyList<Artefact> artefacts, Action<string>? progress = null, int maxDegreeOfParallelism = -1)
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
                var bytes = a.Render();
                results[i] = new Rendered(a, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                results[i] = new Rendered(a, null, null, e);
            }
        });
        return results;
    }
}
