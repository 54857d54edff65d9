using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Organisations;

/// <summary>
/// The content as one organisation sees it: its profile, its overlay folder, and the organisation
/// and programme read through that overlay by one loader. Every command that reads content
/// (build, pack, report) starts here, so they all resolve <c>--org</c> and overlays the same way.
/// </summary>
public sealed record OrganisationContent(string Profile, Overlay Overlay, ContentLoader Loader, Organisation Organisation, Programme Programme)
{
    /// <summary>
    /// Resolves <paramref name="profileOption"/> (a slug, a path, or null for the default) and loads both; null when
    /// either cannot be read (the diagnostics say why). <paramref name="fileChecks"/> are the writers' checks on the
    /// fonts and reference files the profile names.
    /// </summary>
    public static OrganisationContent? Load(string root, string? profileOption, DiagnosticBag diagnostics, IReadOnlyList<ProfileFileCheck> fileChecks, ResolvedPaths? paths = null)
    {
        paths ??= new ResolvedPaths();
        var profile = OrganisationFolders.Resolve(root, profileOption, diagnostics);
        if (profile is null) return null;
        var overlay = Overlay.ForProfile(root, profile, paths);
        var loader = new ContentLoader(root, diagnostics, overlay, paths) { FileChecks = fileChecks };
        var org = loader.LoadOrganisation(profile);
        var programme = loader.LoadProgramme();
        return org is null || programme is null ? null : new OrganisationContent(profile, overlay, loader, org, programme);
    }
}
