using PressPipeline.Conversion.Rendering.Pdf.Layout;

namespace PressPipeline.Conversion.Tests.Pdf;

public sealed class PaginatorTests
{
    private static FlowItem Line(float height = 10, bool keep = false) => new(height, []) { KeepWithNext = keep };

    [Fact]
    public void A_heading_at_the_foot_of_a_page_moves_to_the_next_page_with_its_text()
    {
        var flow = new List<FlowItem>();
        flow.AddRange(Enumerable.Range(0, 9).Select(_ => Line()));
        var heading = Line(keep: true);
        flow.Add(heading);
        flow.Add(Line());

        var pages = Paginator.Paginate(flow, 100);

        Assert.Equal(2, pages.Count);
        Assert.Same(heading, pages[1].Items[0].Item);
    }

    [Fact]
    public void The_first_line_of_a_paragraph_is_not_left_alone_at_the_foot_of_a_page()
    {
        var flow = Enumerable.Range(0, 9).Select(_ => Line()).ToList();
        var paragraph = new[] { Line(keep: true), Line(), Line(keep: true), Line() }; // orphan and widow rules as BlockLayouter sets them
        flow.AddRange(paragraph);

        var pages = Paginator.Paginate(flow, 100);

        Assert.Same(paragraph[0], pages[1].Items[0].Item);
    }

    [Fact]
    public void The_last_line_of_a_paragraph_does_not_open_a_page_alone()
    {
        var flow = Enumerable.Range(0, 7).Select(_ => Line()).ToList();
        var paragraph = new[] { Line(keep: true), Line(), Line(keep: true), Line() };
        flow.AddRange(paragraph);

        var pages = Paginator.Paginate(flow, 100);

        Assert.Equal(2, pages.Count);
        Assert.Equal(2, pages[1].Items.Count);
        Assert.Same(paragraph[2], pages[1].Items[0].Item);
    }

    [Fact]
    public void Space_before_is_dropped_at_the_top_of_a_page()
    {
        var flow = Enumerable.Range(0, 10).Select(_ => Line()).ToList();
        var next = new FlowItem(10, []) { SpaceBefore = 30 };
        flow.Add(next);

        var pages = Paginator.Paginate(flow, 100);

        Assert.Equal(0, pages[1].Items[0].Top);
    }

    [Fact]
    public void A_chain_longer_than_a_page_still_makes_progress()
    {
        var flow = Enumerable.Range(0, 30).Select(_ => Line(keep: true)).ToList();

        var pages = Paginator.Paginate(flow, 100);

        Assert.Equal(30, pages.Sum(p => p.Items.Count));
    }
}
