using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Organisations;
using QcdpBuilder.Scaffolding;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Organisations;

/// <summary><c>qcdp init</c>: a scaffold that validates as it is, and never overwrites anything.</summary>
public class InitTests
{
    [Fact]
    public void The_scaffold_validates_and_explains_every_setting()
    {
        using var repo = new MiniRepo();
        var bag = new DiagnosticBag();
        var written = Scaffold.Organisation(repo.Root, "riverside", "Riverside: Care & Health #1", bag);
        Assert.Empty(bag.Items);
        Assert.Equal(["organisations/riverside/organisation.yaml", "organisations/riverside/content/README.md", "organisations/riverside/templates/README.md"], written);

        var plan = PackageBuilder.Plan(new BuildOptions(repo.Root) { Profile = "riverside", Write = false });
        Assert.False(plan.Diagnostics.HasErrors, string.Join("\n", plan.Diagnostics.Items));
        Assert.Equal("Riverside: Care & Health #1", plan.Organisation!.Name);
        Assert.Equal("riverside", plan.Organisation.Slug);

        // Every setting carries a comment saying what it is for (the cohort's placeholder dates are explained above them).
        var lines = File.ReadAllLines(repo.PathOf("organisations/riverside/organisation.yaml"));
        var settings = lines.Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        Assert.True(settings.Count > 30);
        Assert.All(settings.Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+(workshops|webinars):$|""\d{4}-\d\d-\d\d""")), l => Assert.Contains(" # ", l));
    }

    [Fact]
    public void Init_never_overwrites_a_profile_or_an_overlay_file()
    {
        using var repo = new MiniRepo();
        var profile = repo.PathOf(MiniRepo.Profile);
        var before = File.ReadAllText(profile);
        var bag = new DiagnosticBag();
        Assert.Null(Scaffold.Organisation(repo.Root, "smith-jones", null, bag));
        var error = Assert.Single(bag.Items);
        Assert.Equal((MiniRepo.Profile, "this organisation already has a profile; nothing was changed"), (error.File, error.Message));
        Assert.Equal(before, File.ReadAllText(profile));
        Assert.False(Directory.Exists(repo.PathOf("organisations/smith-jones/content")));

        // A folder that has overlay files but no profile yet: the profile is added, the files are kept.
        repo.Write("organisations/new-org/content/README.md", "Our notes.");
        var written = Scaffold.Organisation(repo.Root, "new-org", null, bag = new DiagnosticBag());
        Assert.Empty(bag.Items);
        Assert.Equal(["organisations/new-org/organisation.yaml", "organisations/new-org/templates/README.md"], written);
        Assert.Equal("Our notes.", File.ReadAllText(repo.PathOf("organisations/new-org/content/README.md")));

        Assert.Null(Scaffold.Organisation(repo.Root, "New Org", null, bag = new DiagnosticBag()));
        Assert.Equal("'New Org' is not a valid organisation slug", Assert.Single(bag.Items).Message);
    }
}
