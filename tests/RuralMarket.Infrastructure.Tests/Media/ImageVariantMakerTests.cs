using RuralMarket.Infrastructure.Media;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace RuralMarket.Infrastructure.Tests.Media;

public sealed class ImageVariantMakerTests
{
    [Fact]
    public async Task A_large_photo_becomes_three_webp_widths_upright_and_without_metadata()
    {
        using var input = new MemoryStream(Jpeg(3000, 2000, orientation: 8, gps: true));

        var variants = await ImageVariantMaker.MakeAsync(input, CancellationToken.None);

        variants.Select(v => v.Width).Should().Equal(320, 640, 1280);
        // Orientation 8 turns the landscape original to portrait.
        variants.Select(v => v.Height).Should().Equal(480, 960, 1920);
        foreach (var variant in variants)
        {
            var format = Image.DetectFormat(variant.Content);
            format!.Name.Should().Be("Webp");
            using var decoded = Image.Load<Rgba32>(variant.Content);
            decoded.Metadata.ExifProfile.Should().BeNull();
            decoded.Metadata.XmpProfile.Should().BeNull();
        }
    }

    [Fact]
    public async Task A_photo_narrower_than_a_width_is_not_upscaled()
    {
        using var input = new MemoryStream(Jpeg(500, 500));

        var variants = await ImageVariantMaker.MakeAsync(input, CancellationToken.None);

        variants.Select(v => v.Width).Should().Equal(320, 500);
    }

    [Fact]
    public async Task Bytes_that_are_not_a_picture_are_refused_whatever_they_are_called()
    {
        using var input = new MemoryStream("GIF89a but not really"u8.ToArray());

        var make = () => ImageVariantMaker.MakeAsync(input, CancellationToken.None);

        await make.Should().ThrowAsync<NotAnImageException>();
    }

    [Fact]
    public async Task Saved_copies_are_named_so_a_srcset_can_be_built_from_the_one_stored_key()
    {
        var root = Directory.CreateTempSubdirectory("rm-variants-").FullName;
        try
        {
            var storage = new LocalDiskMediaStorage(root);
            using var input = new MemoryStream(Jpeg(1000, 750));
            var variants = await ImageVariantMaker.MakeAsync(input, CancellationToken.None);

            var key = await ImageVariantMaker.SaveAsync(storage, "products/p1/i1", variants, CancellationToken.None);

            key.Should().Be("products/p1/i1/1000x750.webp");
            var set = ImageVariantKeys.Parse(key)!;
            set.Srcset(k => "/media/" + k).Should().Be("/media/products/p1/i1/320.webp 320w, /media/products/p1/i1/640.webp 640w, /media/products/p1/i1/1000x750.webp 1000w");
            foreach (var (variantKey, _) in set.Variants)
            {
                (await storage.OpenReadAsync(variantKey, CancellationToken.None)).Should().NotBeNull(variantKey);
            }

            ImageVariantKeys.Parse("products/p1/front.jpg").Should().BeNull("other keys are single images");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static byte[] Jpeg(int width, int height, ushort? orientation = null, bool gps = false)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(90, 140, 60));
        var exif = new ExifProfile();
        if (orientation is { } o)
        {
            exif.SetValue(ExifTag.Orientation, o);
        }

        if (gps)
        {
            exif.SetValue(ExifTag.GPSLatitudeRef, "N");
            exif.SetValue(ExifTag.GPSLatitude, [new Rational(43, 1), new Rational(36, 1), new Rational(0, 1)]);
        }

        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }
}
