using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Media;

/// <summary>One rung of the HLS ladder, e.g. 360p at 700 kbps.</summary>
public sealed class VideoRendition
{
    public VideoRendition(int height, int bitrateKbps, string playlistKey)
    {
        Guard.That(height > 0, "A rendition needs a height.");
        Guard.That(bitrateKbps > 0, "A rendition needs a bitrate.");
        Id = Guid.CreateVersion7();
        Height = height;
        BitrateKbps = bitrateKbps;
        PlaylistKey = Guard.Text(playlistKey, "A rendition playlist key", 400);
    }

    private VideoRendition()
    {
        PlaylistKey = null!;
    }

    public Guid Id { get; private set; }

    public int Height { get; private set; }

    public int BitrateKbps { get; private set; }

    public string PlaylistKey { get; private set; }
}
