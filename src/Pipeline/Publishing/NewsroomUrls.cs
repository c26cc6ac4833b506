using Microsoft.Extensions.Options;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline.Publishing;

/// <summary>Public addresses of published files: the newsroom container, or the base URL put in front of it.</summary>
public sealed class NewsroomUrls(PressStorage storage, IOptions<PipelineOptions> options)
{
    public Uri Base => options.Value.PublicBaseUrl ?? storage.Container(options.Value.NewsroomContainer).Uri;

    /// <summary>The release's public folder, ending in a slash (image paths are relative to it).</summary>
    public Uri FolderOf(string releaseId) => new($"{Base.ToString().TrimEnd('/')}/{releaseId}/");

    public Uri FileOf(string releaseId, string fileName) => new(FolderOf(releaseId), fileName);
}
