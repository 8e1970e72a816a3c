using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Catalog;

public sealed class Product : IModeratedListing
{
    public const int MaxImages = 10;

    private readonly List<ProductImage> _images = [];

    private Product()
    {
        Slug = null!;
        Title = null!;
        Description = null!;
        Price = null!;
        UnitLabel = null!;
        Season = null!;
    }

    public Guid Id { get; private set; }

    public Guid SellerId { get; private set; }

    public string Slug { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public int CategoryId { get; private set; }

    public Money Price { get; private set; }

    public string UnitLabel { get; private set; }

    /// <summary>
    /// Checkout takes stock with one conditional SQL update (never read-then-write); the methods here are
    /// for the seller setting or correcting their count.
    /// </summary>
    public int Stock { get; private set; }

    public ProductStatus Status { get; private set; }

    public ModerationState Moderation { get; private set; }

    public string? HiddenReason { get; private set; }

    public AppealStatus Appeal { get; private set; }

    /// <summary>What the seller says they changed, when they asked for a review of the takedown.</summary>
    public string? AppealNote { get; private set; }

    public DateTime? AppealedAt { get; private set; }

    public FulfilmentMethod AllowedFulfilment { get; private set; }

    public bool IsPerishable { get; private set; }

    public SeasonWindow Season { get; private set; }

    public IReadOnlyList<ProductImage> Images => _images;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsBuyable => Status == ProductStatus.Active && Moderation == ModerationState.Visible && Stock > 0;

    public bool CanPublish => Status == ProductStatus.Draft;

    public bool CanUnpublish => Status == ProductStatus.Active;

    public bool CanArchive => Status != ProductStatus.Archived;

    public bool CanAppeal => Appeals.CanAppeal(Moderation, Appeal);

    public bool CanUnarchive => Status == ProductStatus.Archived;

    public static Product Create(
        Guid sellerId,
        string title,
        string? description,
        int categoryId,
        Money price,
        string unitLabel,
        int stock,
        FulfilmentMethod allowedFulfilment,
        bool isPerishable,
        SeasonWindow season,
        TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var product = new Product
        {
            Id = Guid.CreateVersion7(),
            SellerId = sellerId,
            Status = ProductStatus.Draft,
            Moderation = ModerationState.Visible,
            CreatedAt = now,
        };
        product.Update(title, description, categoryId, price, unitLabel, allowedFulfilment, isPerishable, season, clock);
        product.Slug = Common.Slug.From(product.Title);
        product.SetStock(stock, clock);
        product.Version = 1;
        return product;
    }

    public void Update(
        string title,
        string? description,
        int categoryId,
        Money price,
        string unitLabel,
        FulfilmentMethod allowedFulfilment,
        bool isPerishable,
        SeasonWindow season,
        TimeProvider clock)
    {
        Guard.That(Category.Exists(categoryId), "Choose one of the listed categories.");
        Guard.That(price.IsPositive, "A price must be more than zero.");
        Guard.That(allowedFulfilment.IsValidCombination(), "Choose at least one way for buyers to get this product.");
        Title = Guard.Text(title, "A title", 120);
        Description = Guard.OptionalText(description, "A description", 5000) ?? "";
        CategoryId = categoryId;
        Price = price;
        UnitLabel = Guard.Text(unitLabel, "A unit (like \"per dozen\")", 40);
        AllowedFulfilment = allowedFulfilment;
        IsPerishable = isPerishable;
        Season = season;
        Touch(clock);
    }

    /// <summary>For a clash with another product's address; the caller checks uniqueness.</summary>
    public void ChangeSlug(string slug, TimeProvider clock)
    {
        Slug = Common.Slug.From(slug);
        Touch(clock);
    }

    public void SetStock(int stock, TimeProvider clock)
    {
        Guard.That(stock >= 0, "Stock cannot be negative.");
        Stock = stock;
        Touch(clock);
    }

    public void AdjustStock(int change, TimeProvider clock)
    {
        Guard.That(Stock + (long)change >= 0, $"Only {Stock} in stock; cannot take away {-change}.");
        Guard.That(Stock + (long)change <= int.MaxValue, "That is more stock than can be recorded.");
        SetStock(Stock + change, clock);
    }

    public void Publish(TimeProvider clock)
    {
        Guard.That(CanPublish, Status == ProductStatus.Active
            ? "This product is already published."
            : "Restore this archived product to a draft before publishing it.");
        Status = ProductStatus.Active;
        Touch(clock);
    }

    public void Unpublish(TimeProvider clock)
    {
        Guard.That(CanUnpublish, "Only published products can be unpublished.");
        Status = ProductStatus.Draft;
        Touch(clock);
    }

    public void Archive(TimeProvider clock)
    {
        Guard.That(CanArchive, "This product is already archived.");
        Status = ProductStatus.Archived;
        Touch(clock);
    }

    public void Unarchive(TimeProvider clock)
    {
        Guard.That(CanUnarchive, "Only archived products can be restored to drafts.");
        Status = ProductStatus.Draft;
        Touch(clock);
    }

    public void Hide(string reason, TimeProvider clock)
    {
        Guard.That(Moderation == ModerationState.Visible, "This product is already hidden.");
        HiddenReason = Guard.Text(reason, "A reason for hiding the product", 500);
        Moderation = ModerationState.Hidden;
        ClearAppeal();
        Touch(clock);
    }

    public void Restore(TimeProvider clock)
    {
        Guard.That(Moderation == ModerationState.Hidden, "This product is not hidden.");
        HiddenReason = null;
        Moderation = ModerationState.Visible;
        ClearAppeal();
        Touch(clock);
    }

    /// <summary>The seller asks a moderator to look again, once per takedown, after fixing the listing.</summary>
    public void AppealTakedown(string? note, TimeProvider clock)
    {
        AppealNote = Appeals.CheckAppeal(Moderation, Appeal, note, "product");
        Appeal = AppealStatus.Pending;
        AppealedAt = clock.GetUtcNow().UtcDateTime;
        Touch(clock);
    }

    /// <summary>A moderator keeps the product hidden after the appeal; the new reason is what the seller reads.</summary>
    public void RefuseAppeal(string? reason, TimeProvider clock)
    {
        HiddenReason = Appeals.CheckRefusal(Appeal, reason, "product");
        Appeal = AppealStatus.Refused;
        Touch(clock);
    }

    public bool IsInSeason(int month) => Season.Includes(month);

    public ProductImage AddImage(string storageKey, string altText, TimeProvider clock)
    {
        Guard.That(_images.Count < MaxImages, $"A product can have at most {MaxImages} images.");
        Renumber();
        var image = new ProductImage(storageKey, altText, _images.Count);
        _images.Add(image);
        Touch(clock);
        return image;
    }

    public void RemoveImage(Guid imageId, TimeProvider clock)
    {
        _images.Remove(FindImage(imageId));
        Renumber();
        Touch(clock);
    }

    /// <summary>Puts the images in the given order; every current image must be listed exactly once.</summary>
    public void ReorderImages(IReadOnlyList<Guid> imageIds, TimeProvider clock)
    {
        Guard.That(
            imageIds.Count == _images.Count && imageIds.Distinct().Count() == imageIds.Count,
            "The new order must list every image exactly once.");
        var images = imageIds.Select(FindImage).ToList();
        for (var i = 0; i < images.Count; i++)
        {
            images[i].MoveTo(i);
        }

        Renumber();
        Touch(clock);
    }

    private ProductImage FindImage(Guid imageId) =>
        _images.Find(i => i.Id == imageId) ?? throw new DomainException("That image is not on this product.");

    // EF does not promise to load the images in order, so order them by their position before renumbering.
    private void Renumber()
    {
        _images.Sort((a, b) => a.SortOrder.CompareTo(b.SortOrder));
        for (var i = 0; i < _images.Count; i++)
        {
            _images[i].MoveTo(i);
        }
    }

    private void ClearAppeal()
    {
        Appeal = AppealStatus.None;
        AppealNote = null;
        AppealedAt = null;
    }

    private void Touch(TimeProvider clock)
    {
        UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Version++;
    }
}
