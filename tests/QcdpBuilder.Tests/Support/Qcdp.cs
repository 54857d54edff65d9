using System.Diagnostics;

namespace QcdpBuilder.Tests.Support;

/// <summary>Runs the qcdp program (qcdp.dll beside the tests) as a user would, with a hang guard.</summary>
public static class Qcdp
{
    /// <summary>The hang guard for ordinary runs: far longer than any command takes, so it never decides a test.</summary>
    static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    public static (int Code, string Out, string Err) Run(string workingDir, params string[] args) => Run(workingDir, Guard, args);

    public static (int Code, string Out, string Err) Run(string workingDir, TimeSpan guard, params string[] args) =>
        Run(workingDir, guard, new Dictionary<string, string?>(), args);

    public static (int Code, string Out, string Err) Run(string workingDir, TimeSpan guard, IDictionary<string, string?> env, params string[] args) =>
        RunWith(workingDir, guard, env, [], args);

    /// <summary>With options for the dotnet host before qcdp.dll (e.g. <c>exec --runtimeconfig file</c>).</summary>
    public static (int Code, string Out, string Err) RunWith(string workingDir, TimeSpan guard, IDictionary<string, string?> env, string[] hostArgs, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var h in hostArgs) psi.ArgumentList.Add(h);
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qcdp.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(guard))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"qcdp {string.Join(' ', args)} did not finish within {guard.TotalSeconds} s");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
