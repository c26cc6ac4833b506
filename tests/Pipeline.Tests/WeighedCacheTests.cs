using PressPipeline.Pipeline.Operations;

namespace PressPipeline.Pipeline.Tests;

/// <summary>The console's PDF layouts are kept by weight: the least recently looked at leave first, none past the limit.</summary>
public sealed class WeighedCacheTests
{
    private const long MB = 1_048_576;

    [Fact]
    public void Weighing_past_the_limit_pushes_out_the_least_recently_used_until_the_rest_fit()
    {
        var cache = new WeighedCache<string, Layout>(10 * MB);
        var a = Keep(cache, "a", 4 * MB);
        var b = Keep(cache, "b", 4 * MB);
        Assert.Equal(8 * MB, cache.TotalBytes);

        // Looking at a again makes b the least recently used.
        Assert.Same(a, cache.GetOrAdd("a", () => throw new InvalidOperationException("a is kept")));
        var c = new Layout("c");
        Assert.Same(c, cache.GetOrAdd("c", () => c));
        var pushedOut = cache.Weigh("c", c, 4 * MB);

        Assert.Equal([b], pushedOut);
        Assert.Equal(2, cache.Count);
        Assert.Equal(8 * MB, cache.TotalBytes);
        Assert.NotSame(b, cache.GetOrAdd("b", () => new Layout("b again")));
    }

    [Fact]
    public void A_layout_larger_than_the_limit_is_kept_alone_and_pushed_out_by_the_next()
    {
        var cache = new WeighedCache<string, Layout>(1 * MB);
        var small = Keep(cache, "small", MB / 4);
        var large = new Layout("large");
        cache.GetOrAdd("large", () => large);

        Assert.Equal([small], cache.Weigh("large", large, 3 * MB));
        Assert.Equal(1, cache.Count);
        Assert.Equal(3 * MB, cache.TotalBytes);

        var next = new Layout("next");
        cache.GetOrAdd("next", () => next);
        Assert.Equal([large], cache.Weigh("next", next, MB / 2));
        Assert.Equal(MB / 2, cache.TotalBytes);
    }

    [Fact]
    public void A_layout_still_being_made_is_never_pushed_out_and_weighs_nothing_until_made()
    {
        var cache = new WeighedCache<string, Layout>(2 * MB);
        var making = new Layout("making");
        cache.GetOrAdd("making", () => making);
        var done = new Layout("done");
        cache.GetOrAdd("done", () => done);

        Assert.Empty(cache.Weigh("done", done, 3 * MB));
        Assert.Equal(2, cache.Count);
        Assert.Equal(3 * MB, cache.TotalBytes);

        // Once made, the older one is over the limit with it and leaves.
        Assert.Equal([done], cache.Weigh("making", making, MB));
        Assert.Equal(MB, cache.TotalBytes);
    }

    [Fact]
    public void A_failed_layout_is_forgotten_and_weighing_it_later_changes_nothing()
    {
        var cache = new WeighedCache<string, Layout>(MB);
        var failed = new Layout("failed");
        cache.GetOrAdd("x", () => failed);

        Assert.True(cache.Remove("x", failed));
        Assert.False(cache.Remove("x", failed));
        Assert.Empty(cache.Weigh("x", failed, 5 * MB));
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.TotalBytes);

        // Weighing twice counts once.
        var kept = Keep(cache, "y", MB / 2);
        Assert.Empty(cache.Weigh("y", kept, MB / 2));
        Assert.Equal(MB / 2, cache.TotalBytes);
    }

    private static Layout Keep(WeighedCache<string, Layout> cache, string key, long bytes)
    {
        var layout = new Layout(key);
        Assert.Same(layout, cache.GetOrAdd(key, () => layout));
        Assert.Empty(cache.Weigh(key, layout, bytes));
        return layout;
    }

    private sealed record Layout(string Name);
}
