namespace QcdpBuilder.Cli.Commands;

/// <summary>
/// What qcdp prints when an exception escapes a command: one <c>path:1:1: error</c> line naming the file the
/// exception names (or qcdp itself), the error's message and a hint, never a stack trace. Exit code 1.
/// Every known failure is a located diagnostic before it gets here; this keeps an unknown one readable.
/// </summary>
public static class Backstop
{
    public static int Report(Exception e)
    {
        var inner = e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;
        while (inner is System.Reflection.TargetInvocationException { InnerException: { } x }) inner = x;
        var where = PathIn(inner.Message) ?? "qcdp";
        var message = inner.Message.ReplaceLineEndings(" ").Trim();
        Console.Error.WriteLine($"{where}:1:1: error: qcdp stopped: {message}");
        Console.Error.WriteLine("  hint: this is a bug in qcdp (it should have been reported as a located problem); please report it with the command you ran.");
        return 1;
    }

    /// <summary>The first quoted absolute path in an I/O message (".NET quotes the path it failed on"), relative to the current folder.</summary>
    static string? PathIn(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        if (end <= start + 1) return null;
        var path = message[(start + 1)..end];
        return Path.IsPathFullyQualified(path) ? Path.GetRelativePath(Directory.GetCurrentDirectory(), path).Replace('\\', '/') : null;
    }
}
