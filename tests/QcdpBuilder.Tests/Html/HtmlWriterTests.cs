using QcdpBuilder.Documents;
using QcdpBuilder.Html;

namespace QcdpBuilder.Tests.Html;

/// <summary>The HTML writer over the document model: escaping, headings, tables, fill-ins, links.</summary>
public class HtmlWriterTests
{
    static string Write(params Block[] blocks) => new HtmlWriter(img => "images/" + Path.GetFileName(img.Path)).Blocks(blocks).ToString();

    [Fact]
    public void Raw_html_in_text_is_escaped()
    {
        var html = Write(new Paragraph([new Run("<script>alert(1)</script> & \"quotes\"")]));
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"</p>\n", html);
    }

    [Fact]
    public void Attributes_are_escaped_and_unsafe_links_dropped()
    {
        var html = Write(
            new Image("/repo/content/images/a.png", "A \"cycle\" <with> quadrants & arrows"),
            new Paragraph([new Run("bad", Link: "javascript:alert(1)"), new Run(" web", Link: "https://example.org/?a=1&b=\"2\""), new Run(" file", Link: "file:///etc/passwd"), new Run(" up", Link: "../../etc/passwd")]));
        Assert.Contains("alt=\"A &quot;cycle&quot; &lt;with&gt; quadrants &amp; arrows\"", html);
        Assert.Contains("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\"> web</a>", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("file:", html);
        Assert.DoesNotContain("etc/passwd", html);
        Assert.Contains("bad file up", html.Replace("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\"> web</a>", ""));
    }

    [Theory]
    [InlineData("session-1.html", true)]
    [InlineData("../slides/a.pptx", true)]
    [InlineData("#main", true)]
    [InlineData("mailto:a@b.org", true)]
    [InlineData("../../secret", false)]
    [InlineData("a/../../b", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("\\\\server\\share", false)]
    public void Only_web_mail_anchor_and_package_relative_links_are_kept(string url, bool kept) =>
        Assert.Equal(kept ? url : null, HtmlText.SafeHref(url));

    [Fact]
    public void Headings_never_skip_a_level()
    {
        // The page's h1 is the title; content that jumps from # to #### still reads h2, h3.
        var html = Write(new Heading(4, Inlines.Plain("Deep"), "deep"), new Heading(6, Inlines.Plain("Deeper"), "deeper"), new Heading(2, Inlines.Plain("Back"), "back"));
        Assert.Equal("<h2 id=\"deep\">Deep</h2>\n<h3 id=\"deeper\">Deeper</h3>\n<h2 id=\"back\">Back</h2>\n", html);
    }

    [Fact]
    public void Tables_have_header_cells_with_scope_and_alignment()
    {
        var html = Write(new Table(
            [new TableRow([Inlines.Plain("Part"), Inlines.Plain("Minutes")])],
            [new TableRow([Inlines.Plain("Opening"), Inlines.Plain("20")])],
            [Align.Left, Align.Right]));
        Assert.Contains("<thead>\n<tr><th scope=\"col\">Part</th><th scope=\"col\" class=\"right\">Minutes</th></tr>", html);
        Assert.Contains("<tbody>\n<tr><td>Opening</td><td class=\"right\">20</td></tr>", html);
    }

    [Fact]
    public void Fill_ins_become_labelled_controls_with_unique_ids()
    {
        var html = Write(
            new FormField(FieldKind.Text, "Team name", "f01-team-name"),
            new FormField(FieldKind.Date, "Review date", "f02-review-date"),
            new RatingScale("Confidence", 1, 5, "f03-confidence"),
            new FillTable(["Date", "Action"], 3, "f04-date-action"),
            new WritingLines(4),
            new ListBlock(false, 1, [new ListItem([new Paragraph(Inlines.Plain("Read the guide"))], false), new ListItem([new Paragraph(Inlines.Plain("Sponsor"))], true)]),
            new SignatureLine("Participant", "f05-signature"));
        Assert.Contains("<label for=\"c1-f01-team-name\">Team name</label> <input id=\"c1-f01-team-name\" type=\"text\">", html);
        Assert.Contains("<input id=\"c2-f02-review-date\" type=\"date\">", html);
        Assert.Contains("<fieldset class=\"scale\"><legend>Confidence</legend>", html);
        Assert.Equal(5, html.Split("type=\"radio\" name=\"c3-f03-confidence\"").Length - 1);
        Assert.Equal(3, html.Split("<tr><td></td><td></td></tr>").Length - 1);
        Assert.Contains("aria-label=\"Space to write (4 lines)\"><div></div><div></div><div></div><div></div></div>", html);
        Assert.Contains("<input type=\"checkbox\" id=\"c4-check\"> <label for=\"c4-check\">Read the guide</label>", html);
        Assert.Contains("<input type=\"checkbox\" id=\"c5-check\" checked> <label for=\"c5-check\">Sponsor</label>", html);
        Assert.Contains("Signed (Participant)", html);
    }

    [Fact]
    public void Inline_styles_nest_inside_links()
    {
        var html = Write(new Paragraph([new Run("bold", Bold: true, Link: "#x"), new LineBreak(), new Run("code <b>", Code: true)]));
        Assert.Equal("<p><a href=\"#x\"><strong>bold</strong></a><br><code>code &lt;b&gt;</code></p>\n", html);
    }

    [Fact]
    public void Colours_that_fail_contrast_are_replaced()
    {
        var white = Branding.Colour.Parse("#FFFFFF");
        var pale = Branding.Colour.Parse("#FFD700");
        Assert.True(Branding.Contrast.Ratio(pale, white) < Branding.Contrast.BodyText);
        Assert.Equal(Branding.Colour.Parse("#005EB8"), SiteWriter.Readable(white, Branding.Colour.Parse("#005EB8")));
        Assert.Equal(Branding.Colour.Parse("#003087"), SiteWriter.Readable(white, pale, Branding.Colour.Parse("#003087")));
        // Nothing passes: a darker shade of the same yellow does.
        var shade = SiteWriter.Readable(white, pale);
        Assert.True(Branding.Contrast.Ratio(shade, white) >= Branding.Contrast.BodyText);
        Assert.True(shade.R > shade.B, $"{shade} is no longer a yellow");
    }

    [Theory]
    [InlineData("#005EB8", "#003087", "#E8EDEE")]   // the bundled brand
    [InlineData("#FFD700", "#F4F4F4", "#333333")]   // a pale banner, a near-white nav, a dark tint: each must be corrected
    public void Every_colour_pair_in_the_stylesheet_meets_WCAG_AA(string primary, string secondary, string tint)
    {
        var brand = new Branding.Brand
        {
            OrganisationName = "Org", ShortName = "O", ProgrammeTitle = "P", Fonts = Support.RepoPaths.FontFiles,
            Primary = Branding.Colour.Parse(primary), Secondary = Branding.Colour.Parse(secondary), Tint = Branding.Colour.Parse(tint),
        };
        var css = SiteWriter.Stylesheet(brand);
        var vars = System.Text.RegularExpressions.Regex.Matches(css, @"--([a-z-]+): (#[0-9A-F]{6});").ToDictionary(m => m.Groups[1].Value, m => Branding.Colour.Parse(m.Groups[2].Value));
        foreach (var (fg, bg) in new[] { ("text", "background"), ("link", "background"), ("heading", "background"), ("slide-title", "background"),
                     ("banner-text", "banner"), ("nav-text", "nav"), ("tint-text", "tint"), ("accent-text", "accent") })
            Assert.True(Branding.Contrast.Ratio(vars[fg], vars[bg]) >= Branding.Contrast.BodyText, $"{fg} on {bg}: {Branding.Contrast.Ratio(vars[fg], vars[bg]):0.00}");
        Assert.DoesNotContain("$", css);
    }
}
