using System.Diagnostics;

namespace QcdpBuilder.Output;

/// <summary>
/// An exclusive lock on an output folder, so two qcdp processes (a <c>serve</c> in one terminal and a
/// <c>build</c> in another) never write the same package at once. The operating system holds the lock on an
/// open file and drops it when the process ends, however it ends; a second file says who holds it.
/// </summary>
public sealed class OutputLock : IDisposable
{
    readonly FileStream handle;
    readonly string ownerFile;

    OutputLock(FileStream handle, string ownerFile) => (this.handle, this.ownerFile) = (handle, ownerFile);

    /// <summary>
    /// Takes the lock in <paramref name="stateDir"/>, waiting up to <paramref name="wait"/> for another process to
    /// finish; null with <paramref name="holder"/> (who has it) if it is still held then.
    /// </summary>
    public static OutputLock? Take(string stateDir, string what, TimeSpan wait, Action<string>? waiting, out string? holder)
    {
        Directory.CreateDirectory(stateDir);
        var path = Path.Combine(stateDir, "lock");
        var ownerFile = Path.Combine(stateDir, "owner");
        var clock = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows; both end with the process.
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                File.WriteAllText(ownerFile, $"process {Environment.ProcessId} ({what}), since {DateTime.Now:HH:mm:ss}\n");
                holder = null;
                return new OutputLock(stream, ownerFile);
            }
            catch (IOException)
            {
                holder = ReadOwner(ownerFile);
                if (clock.Elapsed >= wait) return null;
                if (!told) waiting?.Invoke($"waiting for {holder ?? "another qcdp"} to finish writing");
                told = true;
                Thread.Sleep(100);
            }
        }
    }

    static string? ReadOwner(string file)
    {
        try { return File.Exists(file) ? File.ReadAllText(file).Trim() : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    public void Dispose()
    {
        try { File.Delete(ownerFile); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        handle.Dispose();
    }
}
