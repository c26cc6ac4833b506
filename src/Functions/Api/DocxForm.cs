using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PressPipeline.Pipeline.Uploads;
using PressPipeline.StaffConsole;

namespace PressPipeline.Functions.Api;

/// <summary>
/// A multipart form carrying one Word document in <c>file</c> (or the first file) beside small fields, as the routes
/// that give an existing release another document (a correction, a translation) take it.
/// </summary>
internal sealed record DocxForm(IFormCollection Fields, IFormFile File)
{
    /// <summary>
    /// The form, or the 400 that tells the caller how to send it; <paramref name="what"/> names the document
    /// ("corrected", "translated"). Read within the document limit: past it a TooLarge problem (413) is thrown.
    /// </summary>
    public static async Task<(DocxForm? Form, IActionResult? Refusal)> ReadAsync(HttpRequest request, UploadLimit limit, string what, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, ApiResults.Error(StatusCodes.Status400BadRequest, $"Send the {what} Word document as multipart/form-data with the .docx in the field 'file'."));
        }

        var form = await UploadBody.ReadFormAsync(request, limit, cancellationToken);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        return file is null || file.Length == 0
            ? (null, ApiResults.Error(StatusCodes.Status400BadRequest, $"Attach the {what} Word document (.docx) as the form field 'file'."))
            : (new DocxForm(form, file), null);
    }

    /// <summary>A text field, trimmed; null when absent or blank.</summary>
    public string? Field(string name) =>
        Fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
}
