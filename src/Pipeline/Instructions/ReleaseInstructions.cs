using System.Text.Json;
using System.Text.Json.Serialization;

namespace PressPipeline.Pipeline.Instructions;

/// <summary>
/// Lists and times exactly as staff gave them (blob metadata, sidecar JSON, API form or CLI options), before
/// any checking. Times are local ISO times in <see cref="Zone"/>.
/// </summary>
public sealed record ReleaseInstructions(
    IReadOnlyList<string> Lists,
    IReadOnlyList<string> Tags,
    string? SendAt,
    string? PublishAt,
    string? Zone,
    bool AttachPdf = false)
{
    public static ReleaseInstructions None { get; } = new([], [], null, null, null);

    /// <summary>True when staff asked for a send: a list or a send time is present (both are then required).</summary>
    [JsonIgnore]
    public bool AsksToSend => Lists.Count > 0 || !string.IsNullOrWhiteSpace(SendAt);

    /// <summary>Reads upload blob metadata: lists, tags, sendat, publishat, zone, attachpdf (names case-insensitive).</summary>
    public static ReleaseInstructions FromMetadata(IDictionary<string, string> metadata)
    {
        var values = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
        string? Get(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return new ReleaseInstructions(
            SplitList(Get("lists")),
            SplitList(Get("tags")),
            Get("sendat"),
            Get("publishat"),
            Get("zone"),
            bool.TryParse(Get("attachpdf"), out var attach) && attach);
    }

    /// <summary>Reads a sidecar uploads/&lt;name&gt;.json; lists and tags may be arrays or comma-separated strings.</summary>
    public static ReleaseInstructions FromSidecar(string json)
    {
        Sidecar? sidecar;
        try
        {
            sidecar = JsonSerializer.Deserialize(json, PipelineJson.TypeInfo<Sidecar>());
        }
        catch (JsonException e)
        {
            throw new ReleaseProblemException(
                ProblemKind.Invalid,
                $"The sidecar JSON could not be read (line {(e.LineNumber ?? 0) + 1}); write it like {{\"lists\": [\"media\"], \"sendAt\": \"2026-12-01T09:00\", \"zone\": \"Asia/Almaty\"}}.");
        }

        return sidecar is null
            ? None
            : new ReleaseInstructions(
                FromElement(sidecar.Lists),
                FromElement(sidecar.Tags),
                Blank(sidecar.SendAt),
                Blank(sidecar.PublishAt),
                Blank(sidecar.Zone),
                sidecar.AttachPdf ?? false);
    }

    /// <summary>Fields given in <paramref name="overrides"/> win; the rest come from this.</summary>
    public ReleaseInstructions OverriddenBy(ReleaseInstructions overrides) => new(
        overrides.Lists.Count > 0 ? overrides.Lists : Lists,
        overrides.Tags.Count > 0 ? overrides.Tags : Tags,
        overrides.SendAt ?? SendAt,
        overrides.PublishAt ?? PublishAt,
        overrides.Zone ?? Zone,
        overrides.AttachPdf || AttachPdf);

    public static IReadOnlyList<string> SplitList(string? text) =>
        text is null ? [] : [.. text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IReadOnlyList<string> FromElement(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => SplitList(e.GetString()),
        { ValueKind: JsonValueKind.Array } e => [.. e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim()).Where(x => x.Length > 0)],
        _ => [],
    };

    internal sealed record Sidecar(JsonElement? Lists, JsonElement? Tags, string? SendAt, string? PublishAt, string? Zone, bool? AttachPdf);
}
