using System.Diagnostics;

namespace QcdpBuilder.Tests.Support;

/// <summary>Runs a command-line checker (qpdf, pdfinfo, soffice …); null when it is not installed.</summary>
public static class ExternalTool
{
    public static (int Code, string Output)? Run(string name, params string[] args)
    {
        var psi = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}

/// <summary>A test in the slow tier: runs only when QCDP_SLOW_TESTS=1 (it needs LibreOffice and takes minutes).</summary>
public sealed class SlowFactAttribute : FactAttribute
{
    public SlowFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("QCDP_SLOW_TESTS") != "1") Skip = "slow tier: set QCDP_SLOW_TESTS=1 to run";
    }
}
