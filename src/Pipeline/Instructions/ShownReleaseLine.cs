using PressPipeline.Conversion.Model;
using PressPipeline.Conversion.Rendering;
using PressPipeline.Templates;

namespace PressPipeline.Pipeline.Instructions;

/// <summary>
/// What every variant (web page, PDF, e-mail, text) says about the embargo once staff have planned the release:
/// the plan, not the document, decides (docs/storage.md, "What the variants say about the embargo").
/// <list type="bullet">
/// <item>Public by the time it is sent (staff chose "publish now", or the send is at or after the publish time):
/// no EMBARGOED line anywhere — the e-mail's rule (<c>EmbargoBlocks</c>) made true of what is published too.</item>
/// <item>Sent before it is public: "EMBARGOED until" the publish time in the plan's zone; the document's own line
/// when it already says that instant, else a line written from staff's time (a later publish time replaces the
/// document's earlier one, an "immediate" line or none gains one, as the e-mail's subject already says).</item>
/// </list>
/// </summary>
public static class ShownReleaseLine
{
    /// <summary>The line to render for <paramref name="document"/> under <paramref name="plan"/>; the document's when there is no plan.</summary>
    public static ReleaseInstruction For(ReleaseInstruction document, DeliveryPlan? plan, string? language)
    {
        if (plan is null)
        {
            return document;
        }

        if (plan.SendAt >= plan.PublishAt)
        {
            return ReleaseLines.IsEmbargoed(document) ? new ReleaseInstruction.NotStated() : document;
        }

        if (document is ReleaseInstruction.Embargoed own && own.LiftsAt == plan.PublishAt)
        {
            return document;
        }

        var lift = new ReleaseInstruction.Embargoed("", plan.PublishAt, plan.TimeZoneId);
        var text = ReleaseLines.Embargo(lift, string.IsNullOrWhiteSpace(language) ? "en" : language, TemplateLibrary.Embedded) ?? "";
        return lift with { Text = text };
    }

    /// <summary>The converter's hook: renders <paramref name="plan"/>'s line in place of the document's.</summary>
    public static Func<ReleaseInstruction, ReleaseInstruction>? Replacing(DeliveryPlan? plan, string? language) =>
        plan is null ? null : document => For(document, plan, language);

    /// <summary>The release line status.json keeps, as the converter's model says it.</summary>
    public static ReleaseInstruction Of(ReleaseLine? line) => line switch
    {
        { Kind: ReleaseLineKind.Immediate } => new ReleaseInstruction.Immediate(line.Text ?? ""),
        { Kind: ReleaseLineKind.Embargoed, LiftsAt: { } lifts, TimeZoneId: { } zone } => new ReleaseInstruction.Embargoed(line.Text ?? "", lifts, zone),
        { Kind: ReleaseLineKind.Embargoed or ReleaseLineKind.EmbargoedUnparsed } => new ReleaseInstruction.EmbargoedUnparsed(line.Text ?? "", line.Problem),
        _ => new ReleaseInstruction.NotStated(),
    };
}
