using PressPipeline.Conversion.Model;

namespace PressPipeline.Conversion.Rendering.Html;

/// <summary>What differs between the HTML bodies of the web page and the e-mail.</summary>
/// <param name="Variant">"web" or "email", for warnings.</param>
/// <param name="ImageSource">The src written for an image (relative for the web, absolute for e-mail).</param>
/// <param name="DocumentDirection">Direction set on the page; blocks only carry <c>dir</c> when they differ.</param>
/// <param name="HeadingOffset">Added to body heading levels: the page's h1 is the headline, so Heading 1 becomes h2.</param>
/// <param name="TableClass">Class on data tables (the e-mail CSS tells them from layout tables by it).</param>
internal sealed record HtmlBodyOptions(
    string Variant,
    Func<ImageResource, string> ImageSource,
    TextDirection DocumentDirection,
    int HeadingOffset = 1,
    string TableClass = "data");
