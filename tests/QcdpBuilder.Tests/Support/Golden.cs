using System.Runtime.CompilerServices;

namespace QcdpBuilder.Tests.Support;

/// <summary>
/// Golden-file assertions (our stand-in for Verify): compares a text dump with the
/// committed <c>Golden/NAME.verified.txt</c>. On a mismatch it writes
/// <c>NAME.received.txt</c> beside it and fails; accept a change by renaming the file
/// (or run with QCDP_ACCEPT_GOLDEN=1 to overwrite every verified file).
/// </summary>
public static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "QcdpBuilder.Tests", "Golden");
        Directory.CreateDirectory(folder);
        var verified = Path.Combine(folder, name + ".verified.txt");
        var received = Path.Combine(folder, name + ".received.txt");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("QCDP_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        var why = expected is null ? "no verified file yet" : FirstDifference(expected, actual);
        Assert.Fail($"Golden file mismatch for '{name}' ({why}). Compare {received} with {verified}; rename it to accept.");
    }

    static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"line {i + 1}: expected «{el}» but got «{al}»";
        }
        return "same lines, different endings";
    }
}

/// <summary>Finds the repository root (the folder holding QcdpBuilder.sln).</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "QcdpBuilder.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("QcdpBuilder.sln not found above the test folder.");
    }

    public static string Content => Path.Combine(Root, "content");
    public static string Fonts => Path.Combine(Root, "templates", "fonts", "atkinson-hyperlegible");

    /// <summary>The bundled Atkinson Hyperlegible family.</summary>
    public static QcdpBuilder.Content.FontFiles FontFiles => new(
        Path.Combine(Fonts, "AtkinsonHyperlegible_400Regular.ttf"),
        Path.Combine(Fonts, "AtkinsonHyperlegible_700Bold.ttf"),
        Path.Combine(Fonts, "AtkinsonHyperlegible_400Regular_Italic.ttf"),
        Path.Combine(Fonts, "AtkinsonHyperlegible_700Bold_Italic.ttf"));
}
