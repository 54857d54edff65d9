using System.Runtime.InteropServices;

namespace QcdpBuilder.Files;

/// <summary>
/// Whether a path names an ordinary file that can be read without surprises. Content comes from pull
/// requests, and git stores symbolic links: a loop of links (a.png → b.png → a.png) makes every read throw,
/// and a named pipe (FIFO) or a device makes a read block forever or never end. Every file a build reads
/// as a picture, logo, font, Office template or text is checked here first, and read only if it passes.
/// </summary>
public static class RegularFile
{
    /// <summary>
    /// What is wrong with <paramref name="path"/> as a file to read (a phrase to follow its name), or null if
    /// it is a regular file (after following links). A missing file is left to the caller, which knows what it is for.
    /// </summary>
    public static string? Problem(string path)
    {
        string target;
        try
        {
            if (!File.Exists(path) && !Directory.Exists(path) && new FileInfo(path).LinkTarget is null) return null; // missing: the caller says so
            // Throws for a loop of links (ELOOP); null when the path is not a link.
            target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return "is a symbolic link to a file that does not exist"; }
        catch (IOException) { return "is a loop of symbolic links (a link that leads back to itself)"; }
        catch (UnauthorizedAccessException) { return "cannot be read (permission denied)"; }
        if (Directory.Exists(target)) return "is a folder, not a file";
        if (!File.Exists(target)) return File.Exists(path) || IsDanglingLink(path) ? "is a symbolic link to a file that does not exist" : null;
        return Kind(target) switch
        {
            FileKind.Regular => null,
            FileKind.Fifo => "is a named pipe (FIFO), not a regular file",
            FileKind.Device => "is a device, not a regular file",
            FileKind.Socket => "is a socket, not a regular file",
            FileKind.Other => "is empty or not a regular file (a pipe or a device)",
            _ => null,
        };
    }

    /// <summary>Reads the whole file, or throws <see cref="IOException"/> with <see cref="Problem"/>'s message, never blocking on a pipe.</summary>
    public static byte[] ReadAllBytes(string path) =>
        Problem(path) is { } problem ? throw new IOException($"'{Path.GetFileName(path)}' {problem}") : File.ReadAllBytes(path);

    static bool IsDanglingLink(string path)
    {
        try { return new FileInfo(path).LinkTarget is not null; }
        catch (IOException) { return false; }
    }

    enum FileKind { Regular, Fifo, Device, Socket, Other, Unknown }

    static FileKind Kind(string path)
    {
        if (OperatingSystem.IsWindows())
            return (File.GetAttributes(path) & FileAttributes.Device) != 0 ? FileKind.Device : FileKind.Regular;
        // .NET does not say whether a path is a pipe or a device, and opening a FIFO to find out blocks until a
        // writer appears: ask stat(2) through the runtime's own native shim (the call File.Exists uses). Its
        // FileStatus starts with two 32-bit fields, Flags and Mode; the buffer is larger than the struct.
        try
        {
            var status = new byte[256];
            if (Stat(path, status) != 0) return FileKind.Unknown;
            var mode = BitConverter.ToInt32(status, 4) & TypeMask;
            return mode switch
            {
                TypeRegular => FileKind.Regular,
                TypeFifo => FileKind.Fifo,
                TypeChar or TypeBlock => FileKind.Device,
                TypeSocket => FileKind.Socket,
                _ => FileKind.Unknown,
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without the shim: pipes and devices report no size, so an empty "file" is treated as not regular.
            return new FileInfo(path).Length > 0 ? FileKind.Regular : FileKind.Other;
        }
    }

    // The runtime's portable file-type bits (System.Native's S_IF* values, the same on every Unix).
    const int TypeMask = 0xF000, TypeFifo = 0x1000, TypeChar = 0x2000, TypeBlock = 0x6000, TypeRegular = 0x8000, TypeSocket = 0xC000;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
