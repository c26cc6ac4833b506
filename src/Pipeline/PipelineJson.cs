using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using PressPipeline.Pipeline.Dispatch;
using PressPipeline.Pipeline.Instructions;
using PressPipeline.Pipeline.Status;
using PressPipeline.Pipeline.Storage;

namespace PressPipeline.Pipeline;

/// <summary>One JSON shape for status.json, manifest.json, queue messages and the API.</summary>
public static class PipelineJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The pipeline's options with more source-generated types (the API's own records) in front.</summary>
    public static JsonSerializerOptions With(IJsonTypeInfoResolver resolver)
    {
        var options = new JsonSerializerOptions(Options) { TypeInfoResolver = JsonTypeInfoResolver.Combine(resolver, PipelineJsonContext.Default) };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The metadata of one of the pipeline's own types.</summary>
    internal static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        // Naming, indentation, null handling and enums-as-names come from the context's attribute; only the
        // encoder can't be said there.
        var options = new JsonSerializerOptions(PipelineJsonContext.Default.Options)
        {
            // Headlines are Russian and Kazakh as often as English: keep letters readable in the files staff open.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>
/// Source-generated metadata for everything the pipeline stores or queues: no reflection at run time, so the same
/// code runs in the Functions worker and in the AOT-compiled CLI.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReleaseStatus))]
[JsonSerializable(typeof(StatusWarning))]
[JsonSerializable(typeof(LegacyManifest))]
[JsonSerializable(typeof(Assets.AssetReport))]
[JsonSerializable(typeof(WorkItem))]
[JsonSerializable(typeof(ReleaseInstructions.Sidecar))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
