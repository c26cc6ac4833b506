namespace PressPipeline.Pipeline.Instructions;

/// <summary>
/// A checked plan: who gets the release and when. Instants are UTC; <see cref="TimeZoneId"/> is the IANA zone
/// staff wrote the times in (journalists are shown times in it).
/// </summary>
public sealed record DeliveryPlan(
    IReadOnlyList<string> Lists,
    IReadOnlyList<string> Tags,
    DateTimeOffset SendAt,
    DateTimeOffset PublishAt,
    string TimeZoneId,
    bool AttachPdf = false);
