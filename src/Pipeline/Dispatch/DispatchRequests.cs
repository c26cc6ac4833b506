using PressPipeline.Conversion.Manifest;
using PressPipeline.Distribution;
using PressPipeline.Pipeline.Assets;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Links;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Dispatch;

/// <summary>
/// Builds what a sender needs. Every link goes through the signed-file route, which serves the file to the
/// recipient before the publish time and redirects to the public newsroom after it: one link that never breaks.
/// Assets are linked the same way (listed under "Downloads" in the e-mail), never attached.
/// </summary>
public sealed class DispatchRequests(SignedLinks links)
{
    public DispatchRequest Build(string id, DeliveryPlan plan, ReleaseManifest manifest)
    {
        Uri? Link(string variant) => manifest.FileOf(variant) is { } file ? links.Create(id, file.FileName) : null;

        return new DispatchRequest(
            id,
            plan.Lists,
            plan.Tags,
            plan.SendAt,
            plan.PublishAt,
            plan.TimeZoneId,
            Link("web"),
            Link("pdf"),
            plan.AttachPdf,
            [.. ReleaseAssetFiles.Links(id, manifest.Assets, links).Select(a => new DownloadLink(a.Name, a.Url, a.Type, a.Bytes))]);
    }
}
