using System.Globalization;
using System.Net;

namespace PressPipeline.Distribution.Sending;

/// <summary>
/// How long to wait after a 429: until <c>X-RateLimit-Reset</c> (Unix seconds) when SendGrid sends it,
/// otherwise <c>Retry-After</c>; never longer than the configured ceiling. Null: use the normal back-off.
/// </summary>
public static class RateLimitDelay
{
    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider time, TimeSpan ceiling)
    {
        if (response is not { StatusCode: HttpStatusCode.TooManyRequests })
        {
            return null;
        }

        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var resetSeconds))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(resetSeconds) - time.GetUtcNow();
            return Clamp(wait, ceiling);
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : TimeSpan.Zero);
            return Clamp(wait, ceiling);
        }

        return null;
    }

    private static TimeSpan Clamp(TimeSpan wait, TimeSpan ceiling) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > ceiling ? ceiling : wait;
}
