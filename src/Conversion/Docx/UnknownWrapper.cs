using DocumentFormat.OpenXml;

namespace PressPipeline.Conversion.Docx;

/// <summary>
/// An element the Open XML SDK does not know (a future or misspelt wrapper) parses everything inside it as unknown
/// too, so a paragraph inside it would not be a paragraph. Its content is parsed again inside a known container
/// (a body for blocks, a paragraph for runs) so that what it wraps is read as usual instead of vanishing.
/// </summary>
internal static class UnknownWrapper
{
    public static IEnumerable<OpenXmlElement> Content<TContainer>(OpenXmlUnknownElement unknown)
        where TContainer : OpenXmlCompositeElement, new()
    {
        if (!unknown.HasChildren)
        {
            return [];
        }

        var container = new TContainer();
        try
        {
            container.InnerXml = string.Concat(unknown.ChildElements.Select(child => child.OuterXml));
        }
        catch (System.Xml.XmlException)
        {
            // Children with prefixes the fragment cannot resolve: keep them as they are (read through as unknown).
            return unknown.ChildElements;
        }

        return container.ChildElements;
    }
}
