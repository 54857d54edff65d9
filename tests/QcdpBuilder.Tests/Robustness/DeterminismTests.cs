using System.Text.Json.Nodes;
using QcdpBuilder.Tests.BadInput;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Robustness;

/// <summary>
/// The same content gives the same bytes whatever the machine's clock, time zone and language:
/// two qcdp processes, one in UTC with the invariant culture, one in Auckland with French
/// number and date formats switched on, build byte-identical packages.
/// </summary>
public class DeterminismTests
{
    [Fact]
    public void Builds_in_different_time_zones_and_cultures_are_byte_identical()
    {
        using var repo = new MiniRepo();
        var a = Path.Combine(repo.Root, "out-utc");
        var b = Path.Combine(repo.Root, "out-auckland-fr");
        var guard = TimeSpan.FromSeconds(120);

        var (codeA, _, errA) = Qcdp.Run(repo.Root, guard, new Dictionary<string, string?> { ["TZ"] = "UTC", ["LANG"] = "C.UTF-8", ["LC_ALL"] = "C.UTF-8" },
            "build", "--out", a);
        Assert.True(codeA == 0, errA);

        // qcdp ships with invariant globalisation; a user could turn it off (edit qcdp.runtimeconfig.json).
        // Do exactly that, so French formats (decimal comma, other month names) are really in force.
        var config = Path.Combine(repo.Root, "qcdp.fr.runtimeconfig.json");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "qcdp.runtimeconfig.json")))!;
        json["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"] = false;
        json["runtimeOptions"]!["configProperties"]!["System.Globalization.PredefinedCulturesOnly"] = false;
        File.WriteAllText(config, json.ToJsonString());
        var env = new Dictionary<string, string?>
        {
            ["TZ"] = "Pacific/Auckland",
            ["LANG"] = "fr_FR.UTF-8",
            ["LC_ALL"] = "fr_FR.UTF-8",
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false",
        };
        var (codeB, _, errB) = Qcdp.RunWith(repo.Root, guard, env, ["exec", "--runtimeconfig", config], "build", "--out", b);
        Assert.True(codeB == 0, errB);

        var filesA = BadInputTests.Snapshot(a);
        var filesB = BadInputTests.Snapshot(b);
        Assert.True(filesA.Count > 10, $"{filesA.Count} files");
        Assert.Equal(filesA.Select(f => f.Path), filesB.Select(f => f.Path));
        foreach (var (path, _) in filesA)
            Assert.True(File.ReadAllBytes(Path.Combine(a, path)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, path))), $"{path} differs between the two builds");
    }
}
