namespace PressPipeline.Distribution.Outbox;

/// <summary>Where messages go when <c>Mail:Transport=Outbox</c> says so: a folder (CLI, demo) or a blob container (Functions).</summary>
public interface IOutbox
{
    /// <summary>Writes (or overwrites) one file; <paramref name="path"/> uses '/' separators.</summary>
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Where to look, for the log line and the demo.</summary>
    string Location { get; }
}
