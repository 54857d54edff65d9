using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Workflows;

/// <summary><c>qcdp templates</c> lists the templates and the organisation's overrides; <c>templates copy</c> copies one without ever replacing a file.</summary>
public sealed class TemplatesCommandTests
{
    const string Copied = "organisations/smith-jones/templates/timetable.md.sbn";

    [Fact]
    public void List_shows_each_template_and_which_the_organisation_overrides()
    {
        using var repo = new MiniRepo();
        repo.Write("organisations/smith-jones/templates/handout.md.sbn", "Smith {{ body | raw }}\n");
        var (code, output, err) = Qcdp.Run(repo.Root, "templates");
        Assert.True(code == 0, err);
        Assert.Contains("handout.md.sbn: the frame of each handout (handouts/, and in packs); overridden by organisations/smith-jones/templates/handout.md.sbn", output);
        Assert.Contains("timetable.md.sbn: the cohort timetable (programme/timetable); shared", output);
        Assert.Contains("  data: org, terms, cohort, lead, contact, programme, self_assessment, handout, body", output);
    }

    [Fact]
    public void Copy_writes_the_shared_template_into_the_overlay_and_never_over_a_file()
    {
        using var repo = new MiniRepo();
        var (code, output, err) = Qcdp.Run(repo.Root, "templates", "copy", "timetable.md.sbn", "--org", "smith-jones");
        Assert.True(code == 0, err);
        Assert.Contains($"created {Copied}", output);
        Assert.Equal(File.ReadAllText(repo.PathOf("templates/timetable.md.sbn")), File.ReadAllText(repo.PathOf(Copied)));
        Assert.Contains("overridden by " + Copied, Qcdp.Run(repo.Root, "templates").Out);

        // The user's edits survive a second copy.
        File.WriteAllText(repo.PathOf(Copied), "my edits\n");
        (code, _, err) = Qcdp.Run(repo.Root, "templates", "copy", "timetable.md.sbn", "--org", "smith-jones");
        Assert.Equal(1, code);
        Assert.Contains($"{Copied} already exists; it was left as it is", err);
        Assert.Equal("my edits\n", File.ReadAllText(repo.PathOf(Copied)));
    }

    [Fact]
    public void Copy_refuses_an_unknown_template_with_the_nearest_name()
    {
        using var repo = new MiniRepo();
        var (code, _, err) = Qcdp.Run(repo.Root, "templates", "copy", "timetabel.md.sbn", "--org", "smith-jones");
        Assert.Equal(1, code);
        Assert.Contains("there is no template 'timetabel.md.sbn'", err);
        Assert.Contains("did you mean 'timetable.md.sbn'?", err);
        (code, _, err) = Qcdp.Run(repo.Root, "templates", "copy", "handout", "--org", "smith-jones");
        Assert.Equal(1, code);
        Assert.Contains("did you mean 'handout.md.sbn'?", err);
        Assert.False(Directory.Exists(repo.PathOf("organisations/smith-jones/templates")));
    }

    [Fact]
    public void Copy_refuses_an_unknown_organisation_with_those_there_are()
    {
        using var repo = new MiniRepo();
        var (code, _, err) = Qcdp.Run(repo.Root, "templates", "copy", "handout.md.sbn", "--org", "smith-jonse");
        Assert.Equal(1, code);
        Assert.Contains("there is no organisation 'smith-jonse'", err);
        Assert.Contains("smith-jones", err);
        Assert.False(Directory.Exists(repo.PathOf("organisations/smith-jonse")));
    }

    [Fact]
    public void A_copy_without_a_name_is_a_bad_command_line()
    {
        using var repo = new MiniRepo();
        Assert.Equal(2, Qcdp.Run(repo.Root, "templates", "copy").Code);
    }
}
