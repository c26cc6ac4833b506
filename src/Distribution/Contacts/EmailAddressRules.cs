using System.Net.Mail;

namespace PressPipeline.Distribution.Contacts;

/// <summary>
/// What we accept as a journalist's address. <see cref="MailAddress.TryCreate(string?, out MailAddress?)"/>
/// accepts display names, comments and dotless domains; a media list cell must be a bare, routable address.
/// </summary>
public static class EmailAddressRules
{
    public static bool IsDeliverable(string candidate)
    {
        if (candidate.Length is 0 or > 254 || candidate.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        if (!MailAddress.TryCreate(candidate, out var parsed) || !string.Equals(parsed.Address, candidate, StringComparison.Ordinal))
        {
            return false;
        }

        var at = candidate.LastIndexOf('@');
        var local = candidate[..at];
        var domain = candidate[(at + 1)..];
        return local.Length <= 64
            && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal)
            && domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal)
            && !domain.StartsWith('[');
    }
}
