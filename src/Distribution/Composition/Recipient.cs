namespace PressPipeline.Distribution.Composition;

/// <summary>One address in a batch: its contact id (the only thing stored or logged) and what the e-mail shows.</summary>
public sealed record Recipient(string ContactId, string Email, string? Name);
