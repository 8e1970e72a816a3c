using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Web.Features.SellerProducts;

public sealed class ProductImageOptions
{
    public const string Section = "ProductImages";

    /// <summary>The largest photo file a seller may upload, in bytes (8 MB by default).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The most a whole upload form may carry (several photos), in bytes.</summary>
    public const long MaxRequestBytes = 100 * 1024 * 1024;

    public string MaxSizeText => FileSizes.Describe(MaxBytes);
}

public static class FileSizes
{
    public static string Describe(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024d * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024d).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " KB";
}
