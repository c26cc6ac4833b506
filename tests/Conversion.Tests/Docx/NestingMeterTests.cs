using System.Text;
using PressPipeline.Conversion.Docx;

namespace PressPipeline.Conversion.Tests.Docx;

public sealed class NestingMeterTests
{
    [Theory]
    [InlineData("<?xml version=\"1.0\"?><a><b/><c><d x=\"1\"/></c></a>", 3)]
    [InlineData("<a><!-- note --><![CDATA[x]]><e/></a>", 2)]
    [InlineData("<a><b><c><d><e/></d></c></b></a>", 5)]
    public void Depth_is_the_same_whether_bytes_arrive_at_once_or_one_by_one(string xml, int expected)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.Equal(expected, new NestingMeter().Feed(bytes));

        var meter = new NestingMeter();
        var deepest = 0;
        foreach (var b in bytes)
        {
            deepest = meter.Feed([b]);
        }

        Assert.Equal(expected, deepest);
    }
}
