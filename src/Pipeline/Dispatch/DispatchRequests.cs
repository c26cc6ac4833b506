using Microsoft.Extensions.Options;
using PressPipeline.Distribution;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Publishing;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Dispatch;

/// <summary>
/// Builds what a sender needs. Links point at the public newsroom when the release is public by the send time
/// (the worker publishes first); otherwise they are signed links that work for recipients only, until well after
/// the publish time.
/// </summary>
public sealed class DispatchRequests(NewsroomUrls newsroom, SignedLinks links, IOptions<LinkOptions> linkOptions)
{
    public DispatchRequest Build(string id, DeliveryPlan plan, ReleaseManifest manifest)
    {
        var publicBySendTime = plan.PublishAt <= plan.SendAt;
        var expires = plan.PublishAt + linkOptions.Value.Lifetime;
        Uri? Link(string variant) => manifest.FileOf(variant) is { } file
            ? publicBySendTime ? newsroom.FileOf(id, file.FileName) : links.Create(id, file.FileName, expires)
            : null;

        return new DispatchRequest(
            id,
            plan.Lists,
            plan.Tags,
            plan.SendAt,
            plan.PublishAt,
            plan.TimeZoneId,
            Link("web"),
            Link("pdf"),
            plan.AttachPdf);
    }
}
