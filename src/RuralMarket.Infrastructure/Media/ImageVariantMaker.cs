using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace RuralMarket.Infrastructure.Media;

/// <summary>An upload that is not a picture we can read (whatever its name or declared type says).</summary>
public sealed class NotAnImageException(string message) : Exception(message);

/// <summary>One resized copy, encoded as WebP.</summary>
public sealed record ImageVariant(int Width, int Height, byte[] Content);

/// <summary>
/// Turns an uploaded photo into the copies the storefront serves: decoded (so only real images pass),
/// turned upright from its EXIF orientation, stripped of every metadata profile (EXIF GPS, IPTC, XMP, ICC),
/// resized to <see cref="ImageVariantKeys.Widths"/> without upscaling, and encoded as WebP.
/// </summary>
public static class ImageVariantMaker
{
    /// <summary>Refuse pictures over this many pixels before decoding them (a small file can unpack to gigabytes).</summary>
    public const long MaxPixels = 50_000_000;

    private static readonly WebpEncoder Encoder = new() { FileFormat = WebpFileFormatType.Lossy, Quality = 78 };

    /// <summary>The copies, smallest first. The stream must be seekable.</summary>
    public static async Task<IReadOnlyList<ImageVariant>> MakeAsync(Stream upload, CancellationToken cancellationToken)
    {
        IImageInfo? info;
        try
        {
            info = await Image.IdentifyAsync(upload, cancellationToken);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException)
        {
            throw new NotAnImageException("That file is not a picture we can read. Use a JPEG, PNG, WebP or GIF photo.");
        }

        if (info is null)
        {
            throw new NotAnImageException("That file is not a picture we can read. Use a JPEG, PNG, WebP or GIF photo.");
        }

        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new NotAnImageException($"That picture is {info.Width}×{info.Height} pixels; use one under {MaxPixels / 1_000_000} megapixels.");
        }

        upload.Position = 0;
        Image image;
        try
        {
            image = await Image.LoadAsync(upload, cancellationToken);
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException)
        {
            throw new NotAnImageException("That picture seems damaged and could not be read. Try saving it again or use another one.");
        }

        using (image)
        {
            while (image.Frames.Count > 1)
            {
                image.Frames.RemoveFrame(image.Frames.Count - 1);
            }

            image.Mutate(x => x.AutoOrient());
            StripMetadata(image);

            var variants = new List<ImageVariant>();
            foreach (var width in ImageVariantKeys.WidthsFor(image.Width))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var copy = width == image.Width ? image.Clone(_ => { }) : image.Clone(x => x.Resize(width, 0, KnownResamplers.Lanczos3));
                using var encoded = new MemoryStream();
                await copy.SaveAsync(encoded, Encoder, cancellationToken);
                variants.Add(new ImageVariant(copy.Width, copy.Height, encoded.ToArray()));
            }

            return variants;
        }
    }

    /// <summary>
    /// Stores the copies in their own folder and returns the key to keep (the largest copy). If any write
    /// fails, the copies already written are deleted and the error is rethrown.
    /// </summary>
    public static async Task<string> SaveAsync(IMediaStorage storage, string folder, IReadOnlyList<ImageVariant> variants, CancellationToken cancellationToken)
    {
        var largest = variants[^1];
        var set = new ImageVariantSet(folder, largest.Width, largest.Height);
        try
        {
            foreach (var (variant, (key, _)) in variants.Zip(set.Variants))
            {
                using var content = new MemoryStream(variant.Content, writable: false);
                await storage.SaveAsync(key, content, cancellationToken);
            }
        }
        catch
        {
            await storage.DeleteByPrefixAsync(folder + "/", CancellationToken.None);
            throw;
        }

        return set.LargestKey;
    }

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IccProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IccProfile = null;
        }
    }
}
