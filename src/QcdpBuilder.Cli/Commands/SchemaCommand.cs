using System.CommandLine;
using QcdpBuilder.Content;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp schema</c>: writes the JSON schemas of the YAML files to schemas/, for editors.</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if a committed schema differs from the content model" };
        var command = new Command("schema", "Write JSON schemas for every kind of YAML file to schemas/ (editors use them to complete keys and flag mistakes)");
        command.Options.Add(check);
        command.SetAction(parse =>
        {
            var report = new Report("text");
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var stale = 0;
            foreach (var (path, text) in JsonSchemaWriter.All())
            {
                var full = Path.Combine(root, path);
                var same = File.Exists(full) && File.ReadAllText(full) == text;
                if (parse.GetValue(check))
                {
                    if (!same) { Console.Error.WriteLine($"{path}: out of date; run qcdp schema"); stale++; }
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                if (!same) File.WriteAllText(full, text);
                Console.WriteLine($"{(same ? "unchanged" : "wrote")} {path}");
            }
            return stale > 0 ? 1 : 0;
        });
        return command;
    }
}
