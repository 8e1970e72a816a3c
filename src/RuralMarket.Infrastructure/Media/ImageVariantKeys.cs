using System.Globalization;
using System.Text.RegularExpressions;

namespace RuralMarket.Infrastructure.Media;

/// <summary>
/// How the resized copies of one photo are named, so a page can build a srcset from the one key the
/// database keeps. A photo lives in its own folder; its largest copy is <c>{folder}/{W}x{H}.webp</c> (that
/// is the stored key, itself a working image) and the smaller ones are <c>{folder}/{w}.webp</c> for each
/// width of <see cref="Widths"/> below W. Keys of any other shape are served as a single image.
/// </summary>
public static partial class ImageVariantKeys
{
    /// <summary>The widths made from an upload (never wider than the original).</summary>
    public static readonly IReadOnlyList<int> Widths = [320, 640, 1280];

    public static string Largest(string folder, int width, int height) =>
        string.Create(CultureInfo.InvariantCulture, $"{folder}/{width}x{height}.webp");

    public static string Smaller(string folder, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"{folder}/{width}.webp");

    /// <summary>The widths stored for an original of this width, smallest first.</summary>
    public static IReadOnlyList<int> WidthsFor(int originalWidth) =>
        [.. Widths.Where(w => w < Math.Min(originalWidth, Widths[^1])), Math.Min(originalWidth, Widths[^1])];

    /// <summary>The photo's set of copies, or null when the key is not one of ours (a single image).</summary>
    public static ImageVariantSet? Parse(string storageKey)
    {
        var match = LargestKey().Match(storageKey);
        if (!match.Success)
        {
            return null;
        }

        var width = int.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture);
        var height = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        return width == 0 || height == 0 ? null : new ImageVariantSet(match.Groups["folder"].Value, width, height);
    }

    [GeneratedRegex(@"^(?<folder>[a-z0-9._/-]+)/(?<w>[0-9]{1,5})x(?<h>[0-9]{1,5})\.webp$", RegexOptions.CultureInvariant)]
    private static partial Regex LargestKey();
}

/// <summary>One photo's stored copies: the folder and the largest copy's size.</summary>
public sealed record ImageVariantSet(string Folder, int Width, int Height)
{
    public string LargestKey => ImageVariantKeys.Largest(Folder, Width, Height);

    /// <summary>Every copy's key with its width, smallest first.</summary>
    public IReadOnlyList<(string Key, int Width)> Variants =>
        [.. ImageVariantKeys.WidthsFor(Width).Select(w => (w == Width ? LargestKey : ImageVariantKeys.Smaller(Folder, w), w))];

    /// <summary>A srcset value ("/media/…/320.webp 320w, …") with the page's way of turning a key into a URL.</summary>
    public string Srcset(Func<string, string> url) =>
        string.Join(", ", Variants.Select(v => string.Create(CultureInfo.InvariantCulture, $"{url(v.Key)} {v.Width}w")));

    /// <summary>The smallest copy at least <paramref name="width"/> wide (or the largest there is).</summary>
    public string KeyAtLeast(int width) => Variants.FirstOrDefault(v => v.Width >= width).Key ?? LargestKey;
}
