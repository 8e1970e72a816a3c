using System.Collections.Concurrent;

namespace RuralMarket.Web.Features.Watch;

/// <summary>
/// Remembers, in memory, which viewer already counted what on which video, so a reload loop or a replayed beacon
/// cannot inflate a video's numbers: one play or completion per viewer and video per <see cref="PlayWindow"/>, one
/// tap per viewer, video and product per <see cref="TagClickWindow"/>. Per app instance: with several web replicas a
/// determined viewer could count once per replica, which is still bounded.
/// </summary>
public sealed class ViewerEventThrottle(TimeProvider clock)
{
    public static readonly TimeSpan PlayWindow = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan TagClickWindow = TimeSpan.FromMinutes(1);

    private const int PruneAbove = 50_000;

    private readonly ConcurrentDictionary<string, DateTime> _counted = new(StringComparer.Ordinal);

    /// <summary>True (and remembered) when this viewer's event has not been counted within the window.</summary>
    public bool TryCount(string key, TimeSpan window)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_counted.Count > PruneAbove)
        {
            foreach (var entry in _counted)
            {
                if (now - entry.Value >= PlayWindow)
                {
                    _counted.TryRemove(entry);
                }
            }
        }

        while (true)
        {
            if (_counted.TryGetValue(key, out var last))
            {
                if (now - last < window)
                {
                    return false;
                }

                if (_counted.TryUpdate(key, now, last))
                {
                    return true;
                }
            }
            else if (_counted.TryAdd(key, now))
            {
                return true;
            }
        }
    }

    /// <summary>Forgets the viewer's event again (it turned out not to count, e.g. the video was not found).</summary>
    public void Forget(string key) => _counted.TryRemove(key, out _);
}
