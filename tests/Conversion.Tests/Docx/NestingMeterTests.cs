using System.Text;
using PressPipeline.Conversion.Docx;

namespace PressPipeline.Conversion.Tests.Docx;

public sealed class NestingMeterTests
{
    private static int Deepest(string xml, int limit = 256) => NestingMeter.Deepest(new MemoryStream(Encoding.UTF8.GetBytes(xml)), limit);

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><a><b/><c><d x=\"1\"/></c></a>", 3)]
    [InlineData("<a><!-- <x><y><z> --><![CDATA[<x><y>]]><e/></a>", 2)]
    [InlineData("<a><b><c><d><e/></d></c></b></a>", 5)]
    public void Depth_is_the_deepest_element(string xml, int expected)
    {
        Assert.Equal(expected, Deepest(xml));
    }

    [Fact]
    public void A_closing_bracket_inside_an_attribute_value_does_not_hide_depth()
    {
        // A byte scanner took each "/>" in a value for a self-closing tag and counted these 300 levels as none.
        var xml = string.Concat(Enumerable.Repeat("<p a=\"/>\" b='x/>'>", 300)) + string.Concat(Enumerable.Repeat("</p>", 300));

        Assert.True(Deepest(xml) > 256);
    }

    [Fact]
    public void Measuring_stops_at_the_first_element_past_the_limit()
    {
        var xml = string.Concat(Enumerable.Repeat("<a>", 1000)) + "<<not xml";

        Assert.Equal(11, Deepest(xml, limit: 10));
    }

    [Fact]
    public void Xml_that_is_not_well_formed_is_measured_up_to_the_fault()
    {
        Assert.Equal(3, Deepest("<a><b><c></b></a>"));
    }

    [Fact]
    public void A_document_type_declaration_is_not_processed()
    {
        // An entity that expands to deep nesting would only count if the DTD were read; it is not.
        var xml = "<!DOCTYPE a [<!ENTITY e \"" + string.Concat(Enumerable.Repeat("&lt;b&gt;", 10)) + "\">]><a>&e;</a>";

        Assert.Equal(0, Deepest(xml));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><a/>", true)]
    [InlineData("\uFEFF  <a/>", true)]
    [InlineData("\r\n<w:document/>", true)]
    [InlineData("\u0089PNG\r\n", false)]
    [InlineData("GIF89a", false)]
    public void Parts_are_taken_for_xml_by_their_first_bytes(string start, bool xml)
    {
        Assert.Equal(xml, NestingMeter.LooksLikeXml(Encoding.UTF8.GetBytes(start)));
    }
}
