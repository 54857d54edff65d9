using System.Diagnostics;
using System.Security.Cryptography;
using QcdpBuilder.Fuzz;
using SharpFuzz;

// The fuzz harness's command line (fuzz/run.sh drives it; fuzz/README.md explains the modes):
//   list                              the targets
//   seeds <target> <dir>              writes the target's seed inputs
//   libfuzzer:<target>                runs under libfuzzer-dotnet (one argument: the driver passes only one)
//   afl <target>                      runs under afl-fuzz (input on standard input, via SharpFuzz)
//   replay <target> <file|dir>...     runs inputs once each; exit 1 if any crashes
//   keep <target> <file> <dir>        stores a crash input, self-contained, in a corpus folder
//   mutate <target> <seconds> <dir>   in-process random mutation of the seeds (no instrumentation); crashes go to <dir>
if (args.Length == 0) return Usage();
// Instrumented code may run only once SharpFuzz has set up its coverage map (inside Run), so under a
// fuzzer the workspace is made by the first input; the other modes run an uninstrumented build.
FuzzWorkspace? workspace = null;
FuzzTargets Targets() => new(workspace ??= new FuzzWorkspace(FuzzWorkspace.FindRepository()));
try { return Dispatch(args); }
finally { workspace?.Dispose(); }

int Dispatch(string[] args)
{
    var targets = args[0].StartsWith("libfuzzer:", StringComparison.Ordinal) || args[0] == "afl" ? null! : Targets();

    switch (args[0])
    {
        case "list":
            foreach (var t in targets.All) Console.WriteLine($"{t.Name,-16} {t.Reads}");
            return 0;
        case "seeds" when args.Length == 3:
        {
            Directory.CreateDirectory(args[2]);
            var n = 0;
            foreach (var (name, bytes) in targets[args[1]].Seeds()) { File.WriteAllBytes(Path.Combine(args[2], name), bytes); n++; }
            Console.WriteLine($"{n} seeds for {args[1]} in {args[2]}");
            return 0;
        }
        case var mode when mode.StartsWith("libfuzzer:", StringComparison.Ordinal):
        {
            var name = mode["libfuzzer:".Length..];
            Action<byte[]>? run = null;
            Fuzzer.LibFuzzer.Run(span => (run ??= Targets()[name].Run)(span.ToArray()));
            return 0;
        }
        case "afl" when args.Length == 2:
        {
            Action<byte[]>? run = null;
            Fuzzer.OutOfProcess.Run(stream =>
            {
                run ??= Targets()[args[1]].Run;
                var ms = new MemoryStream();
                stream.CopyTo(ms);
                run(ms.ToArray());
            });
            return 0;
        }
        case "replay" when args.Length >= 3:
        {
            var target = targets[args[1]];
            var failed = 0;
            var files = args[2..].SelectMany<string, string>(a => Directory.Exists(a) ? Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : new[] { a }).ToList();
            foreach (var file in files)
            {
                try { target.Run(File.ReadAllBytes(file)); }
                catch (Exception e) { failed++; Console.WriteLine($"CRASH {file}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}"); }
            }
            Console.WriteLine($"{files.Count - failed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        }
        case "keep" when args.Length == 4:
        {
            var kept = targets[args[1]].Keep(File.ReadAllBytes(args[2]));
            Directory.CreateDirectory(args[3]);
            var path = Path.Combine(args[3], Convert.ToHexStringLower(SHA1.HashData(kept))[..16]);
            File.WriteAllBytes(path, kept);
            Console.WriteLine(path);
            return 0;
        }
        case "mutate" when args.Length == 4 && int.TryParse(args[2], out var seconds):
        {
            var target = targets[args[1]];
            var (execs, crashes) = Mutator.Run(target, TimeSpan.FromSeconds(seconds), args[3], seed: 1);
            Console.WriteLine($"{target.Name}: {execs} executions, {crashes} crashing inputs kept in {args[3]}");
            return crashes == 0 ? 0 : 1;
        }
        default:
            return Usage();
    }
}

static int Usage()
{
    Console.Error.WriteLine("usage: QcdpBuilder.Fuzz list | seeds <target> <dir> | libfuzzer:<target> | afl <target> | replay <target> <file|dir>... | keep <target> <file> <dir> | mutate <target> <seconds> <crash-dir>");
    return 2;
}

/// <summary>
/// Random mutation of a target's seeds in this process, without coverage feedback: the fallback when
/// libFuzzer is not there. Each distinct exception (type and throwing method) is kept once.
/// </summary>
static class Mutator
{
    public static (long Execs, int Crashes) Run(FuzzTarget target, TimeSpan time, string crashDir, int seed)
    {
        var rng = new Random(seed);
        var seeds = target.Seeds().Select(s => s.Bytes).ToList();
        var seen = new HashSet<string>();
        long execs = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < time)
        {
            var input = Mutate(seeds[rng.Next(seeds.Count)], seeds[rng.Next(seeds.Count)], rng);
            execs++;
            try { target.Run(input); }
            catch (Exception e)
            {
                var key = $"{e.GetType().Name} at {Where(e)}";
                if (!seen.Add(key)) continue;
                Directory.CreateDirectory(crashDir);
                var file = Path.Combine(crashDir, "crash-" + Convert.ToHexStringLower(SHA1.HashData(input))[..16]);
                File.WriteAllBytes(file, input);
                Console.WriteLine($"crash: {key}: {e.Message} -> {file}");
            }
        }
        return (execs, seen.Count);
    }

    /// <summary>The innermost method of ours on the exception's stack (the library's throw helpers say nothing).</summary>
    static string Where(Exception e) =>
        new StackTrace(e).GetFrames().Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.FullName?.StartsWith("QcdpBuilder.", StringComparison.Ordinal) == true
            && m.DeclaringType.Namespace != "QcdpBuilder.Fuzz") is { } m ? $"{m.DeclaringType!.Name}.{m.Name}" : "?";

    static readonly int[] Interesting = [0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, int.MaxValue, -1];

    static byte[] Mutate(byte[] a, byte[] b, Random rng)
    {
        var data = new List<byte>(a);
        for (var n = 1 + rng.Next(8); n > 0; n--)
        {
            var at = data.Count == 0 ? 0 : rng.Next(data.Count);
            switch (rng.Next(7))
            {
                case 0 when data.Count > 0: data[at] ^= (byte)(1 << rng.Next(8)); break;
                case 1 when data.Count > 0: data[at] = (byte)rng.Next(256); break;
                case 2: data.Insert(at, (byte)rng.Next(256)); break;
                case 3 when data.Count > 0: data.RemoveRange(at, Math.Min(data.Count - at, 1 + rng.Next(16))); break;
                case 4 when data.Count > 4:
                {
                    var v = Interesting[rng.Next(Interesting.Length)];
                    var width = rng.Next(3) switch { 0 => 1, 1 => 2, _ => 4 };
                    for (var i = 0; i < width && at + i < data.Count; i++) data[at + i] = (byte)(v >> (8 * (width - 1 - i)));
                    break;
                }
                case 5 when b.Length > 0:
                {
                    var from = rng.Next(b.Length);
                    data.InsertRange(at, b.Skip(from).Take(1 + rng.Next(Math.Min(64, b.Length - from))));
                    break;
                }
                case 6 when data.Count > at: data.RemoveRange(at, data.Count - at); break;
            }
        }
        return [.. data];
    }
}
