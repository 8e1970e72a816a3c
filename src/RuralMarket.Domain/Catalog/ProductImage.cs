using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Catalog;

public sealed class ProductImage
{
    private ProductImage()
    {
        StorageKey = null!;
        AltText = null!;
    }

    internal ProductImage(string storageKey, string altText, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        StorageKey = Guard.Text(storageKey, "An image storage key", 400);
        AltText = Guard.Text(altText, "A description of the image", 200);
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    public string StorageKey { get; private set; }

    public string AltText { get; private set; }

    public int SortOrder { get; private set; }

    internal void MoveTo(int sortOrder) => SortOrder = sortOrder;
}
