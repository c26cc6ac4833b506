namespace PressPipeline.Pipeline.Operations;

/// <summary>
/// Entries by key up to a total weight in bytes, the least recently used leaving first. An entry is added before its
/// weight is known (a layout still being made weighs nothing and is never pushed out) and weighed once made; weighing
/// pushes out the least recently used weighed entries until the total is within the limit again, except the entry
/// just weighed, which stays even when it alone is over the limit (its pages are about to be asked for). Entries
/// pushed out are handed back to the caller, who frees them outside the lock. Safe for many threads.
/// </summary>
internal sealed class WeighedCache<TKey, TEntry>(long limitBytes)
    where TKey : notnull
    where TEntry : class
{
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, LinkedListNode<Kept>> byKey = [];

    // First: the most recently used.
    private readonly LinkedList<Kept> order = new();
    private long total;

    public long LimitBytes { get; } = Math.Max(0, limitBytes);

    /// <summary>The sum of the kept entries' weights.</summary>
    public long TotalBytes
    {
        get
        {
            lock (gate)
            {
                return total;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byKey.Count;
            }
        }
    }

    /// <summary>The entry kept for <paramref name="key"/> (now the most recently used), or <paramref name="make"/>'s, added unweighed.</summary>
    public TEntry GetOrAdd(TKey key, Func<TEntry> make)
    {
        lock (gate)
        {
            if (byKey.TryGetValue(key, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
                return node.Value.Entry;
            }

            var added = order.AddFirst(new Kept(key, make()));
            byKey[key] = added;
            return added.Value.Entry;
        }
    }

    /// <summary>
    /// Gives a kept entry its weight and returns the entries pushed out to make room (none when the entry is no longer
    /// kept, or was weighed already).
    /// </summary>
    public IReadOnlyList<TEntry> Weigh(TKey key, TEntry entry, long bytes)
    {
        lock (gate)
        {
            if (!byKey.TryGetValue(key, out var node) || !ReferenceEquals(node.Value.Entry, entry) || node.Value.Weighed)
            {
                return [];
            }

            node.Value.Bytes = Math.Max(0, bytes);
            node.Value.Weighed = true;
            total += node.Value.Bytes;
            var pushedOut = new List<TEntry>();
            for (var oldest = order.Last; total > LimitBytes && oldest is not null;)
            {
                var newer = oldest.Previous;
                if (oldest != node && oldest.Value.Weighed)
                {
                    Drop(oldest);
                    pushedOut.Add(oldest.Value.Entry);
                }

                oldest = newer;
            }

            return pushedOut;
        }
    }

    /// <summary>Forgets the entry kept for the key if it is still <paramref name="entry"/> (a failed layout); true when it was.</summary>
    public bool Remove(TKey key, TEntry entry)
    {
        lock (gate)
        {
            if (byKey.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Entry, entry))
            {
                Drop(node);
                return true;
            }

            return false;
        }
    }

    private void Drop(LinkedListNode<Kept> node)
    {
        order.Remove(node);
        byKey.Remove(node.Value.Key);
        total -= node.Value.Bytes;
    }

    private sealed class Kept(TKey key, TEntry entry)
    {
        public TKey Key { get; } = key;

        public TEntry Entry { get; } = entry;

        public long Bytes { get; set; }

        public bool Weighed { get; set; }
    }
}
