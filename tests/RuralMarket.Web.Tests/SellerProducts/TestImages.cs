using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace RuralMarket.Web.Tests.SellerProducts;

/// <summary>Real pictures made in the test: top half red, bottom half blue, so orientation can be checked.</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width, int height, ushort? exifOrientation = null, bool withGps = false)
    {
        using var image = TwoTone(width, height);
        if (exifOrientation is not null || withGps)
        {
            var exif = new ExifProfile();
            if (exifOrientation is { } orientation)
            {
                exif.SetValue(ExifTag.Orientation, orientation);
            }

            if (withGps)
            {
                exif.SetValue(ExifTag.GPSLatitudeRef, "N");
                exif.SetValue(ExifTag.GPSLatitude, [new Rational(43, 1), new Rational(36, 1), new Rational(0, 1)]);
                exif.SetValue(ExifTag.GPSLongitudeRef, "W");
                exif.SetValue(ExifTag.GPSLongitude, [new Rational(72, 1), new Rational(18, 1), new Rational(0, 1)]);
            }

            image.Metadata.ExifProfile = exif;
        }

        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var image = TwoTone(width, height);
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    public static Image<Rgba32> Decode(byte[] bytes) => Image.Load<Rgba32>(bytes);

    public static bool IsRed(Rgba32 pixel) => pixel.R > 180 && pixel.B < 90;

    public static bool IsBlue(Rgba32 pixel) => pixel.B > 180 && pixel.R < 90;

    private static Image<Rgba32> TwoTone(int width, int height)
    {
        var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                rows.GetRowSpan(y).Fill(y < height / 2 ? new Rgba32(220, 30, 30) : new Rgba32(30, 30, 220));
            }
        });
        return image;
    }
}
