using System.Buffers.Text;
using System.Text;

namespace PressPipeline.Distribution.Storage;

/// <summary>Table keys may not hold '/', '\', '#', '?' or control characters; release ids come from people.</summary>
public static class TableKeys
{
    public static string Safe(string value)
    {
        var clean = value.Length is > 0 and <= 512 && value.All(c => !char.IsControl(c) && c is not ('/' or '\\' or '#' or '?'));
        return clean ? value : "~" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(value));
    }
}
