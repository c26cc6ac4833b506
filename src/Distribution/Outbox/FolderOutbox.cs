namespace PressPipeline.Distribution.Outbox;

/// <summary>The outbox as a folder on disk.</summary>
public sealed class FolderOutbox(string root) : IOutbox
{
    public string Location => Path.GetFullPath(root);

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(Location, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' leaves the outbox folder.", nameof(path));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content.ToArray(), cancellationToken);
    }
}
