using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PressPipeline.Conversion.Results;

namespace PressPipeline.Pipeline.Status;

/// <summary>
/// A conversion warning as status.json, the API and the console carry it: the converter's code and sentence,
/// where it is in the document (<see cref="WarningLocation"/>; null for the whole document), how many times it was
/// raised there, and the language version it belongs to (null for the main version).
/// </summary>
public sealed record StatusWarning(string Code, string Message)
{
    public WarningLocation? Location { get; init; }

    public int Count { get; init; } = 1;

    /// <summary>The translation it was raised in ("ru"); null for the main version.</summary>
    public string? Language { get; init; }

    /// <summary>One line for the command line: "ru: message — paragraph 3, near “…” (2 times)".</summary>
    public override string ToString()
    {
        var line = WarningLocation.Sentence(Message, Location, Count);
        return Language is null ? line : $"{Language}: {line}";
    }
}

/// <summary>
/// Reads status.json's warnings in either shape: objects (since warnings carry their place) or the plain sentences
/// status files held before, so releases converted earlier still show their warnings. Writes objects.
/// </summary>
public sealed class StatusWarningsConverter : JsonConverter<IReadOnlyList<StatusWarning>>
{
    public override IReadOnlyList<StatusWarning> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("The warnings are not a list.");
        }

        var item = (JsonTypeInfo<StatusWarning>)options.GetTypeInfo(typeof(StatusWarning));
        var warnings = new List<StatusWarning>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            warnings.Add(reader.TokenType == JsonTokenType.String
                ? new StatusWarning(string.Empty, reader.GetString() ?? string.Empty)
                : JsonSerializer.Deserialize(ref reader, item) ?? throw new JsonException("A warning is empty."));
        }

        return warnings;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<StatusWarning> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var item = (JsonTypeInfo<StatusWarning>)options.GetTypeInfo(typeof(StatusWarning));
        writer.WriteStartArray();
        foreach (var warning in value)
        {
            JsonSerializer.Serialize(writer, warning, item);
        }

        writer.WriteEndArray();
    }
}
