using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace QcdpBuilder.Build;

/// <summary>
/// Renders artefacts on the spare cores while the plan is still being made. Loading, checking and parsing run
/// on one thread and took a third of a build; meanwhile a deck planned early can already be rendered. Each
/// artefact's bytes depend only on its own inputs, which are complete when it is planned, so rendering early
/// gives the same bytes; they wait in the artefact until the write step takes them, and nothing is written
/// unless the whole plan is free of errors.
/// </summary>
sealed class EarlyRender : IDisposable
{
    readonly BlockingCollection<Artefact> queue = new();
    readonly Func<Artefact, bool> wanted;
    volatile bool stopped;

    /// <param name="wanted">Which artefacts the build will write (<c>--only</c>).</param>
    public EarlyRender(Func<Artefact, bool> wanted)
    {
        this.wanted = wanted;
        // The planning thread keeps one core; the rest render.
        for (var i = 0; i < Math.Max(1, Environment.ProcessorCount - 1); i++)
            new Thread(Work) { IsBackground = true, Name = "early render" }.Start();
    }

    void Work()
    {
        foreach (var a in queue.GetConsumingEnumerable())
        {
            if (stopped) return;
            if (wanted(a)) a.RenderEarly();
        }
    }

    /// <summary>Planning is over: the write step renders what is left (and waits for anything still being rendered here).</summary>
    public void Stop()
    {
        stopped = true;
        if (!queue.IsAddingCompleted) queue.CompleteAdding();
    }

    public void Dispose() => Stop();

    /// <summary>The plan's list of artefacts: each one added is queued for rendering early.</summary>
    public sealed class List(EarlyRender? early) : Collection<Artefact>
    {
        protected override void InsertItem(int index, Artefact item)
        {
            base.InsertItem(index, item);
            if (early is { stopped: false }) early.queue.Add(item);
        }
    }
}
