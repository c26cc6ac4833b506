namespace PressPipeline.Conversion.Rendering.Email.Inlining;

/// <summary>
/// What selector matching can see of one element: its tag, its class attribute and, because PreMailer merges
/// into them, its own style attribute and which of the attributes it mirrors CSS into (width, height,
/// bgcolor) it has. Values are the raw text as written, so the probe document can write them back unchanged.
/// </summary>
internal readonly record struct ElementSignature(string Tag, string? Class, string? Style, MirroredAttributes Mirrored)
{
    public override string ToString() =>
        $"{Tag}\u001f{Class}\u001f{Style}\u001f{(int)Mirrored}";
}

/// <summary>Attributes PreMailer overwrites with the CSS value when the element already has them.</summary>
[Flags]
internal enum MirroredAttributes
{
    None = 0,
    Width = 1,
    Height = 2,
    BackgroundColor = 4,
}

/// <summary>
/// One node of a document's tree of element contexts: all elements with the same chain of ancestor signatures
/// share a node, so a 5,000-element release has a few dozen of them.
/// </summary>
internal sealed class ElementContext
{
    private readonly Dictionary<ElementSignature, ElementContext> children = [];

    private ElementContext(ElementContext? parent, ElementSignature signature, string key, int index)
    {
        Parent = parent;
        Signature = signature;
        Key = key;
        Index = index;
    }

    public ElementContext? Parent { get; }

    public ElementSignature Signature { get; }

    /// <summary>The whole chain as one string: the key of the style cache shared between documents.</summary>
    public string Key { get; }

    /// <summary>Position in the document's list of contexts; the probe document marks elements with it.</summary>
    public int Index { get; }

    public IEnumerable<ElementContext> Children => children.Values;

    /// <summary>The document root: the parent of &lt;html&gt;.</summary>
    public static ElementContext Root() => new(null, default, string.Empty, -1);

    public ElementContext Child(ElementSignature signature, List<ElementContext> all)
    {
        if (!children.TryGetValue(signature, out var child))
        {
            child = new ElementContext(this, signature, Key + "\u001e" + signature, all.Count);
            children.Add(signature, child);
            all.Add(child);
        }

        return child;
    }
}
