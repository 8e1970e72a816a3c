using System.ComponentModel.DataAnnotations;
using System.Globalization;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;

namespace RuralMarket.Web.Features.SellerProducts;

/// <summary>What the product form posts. The domain judges the values; this only carries them.</summary>
public sealed class ProductInput
{
    [Required(ErrorMessage = "Give the product a title.")]
    [StringLength(120, ErrorMessage = "Keep the title to 120 characters.")]
    public string Title { get; set; } = "";

    [StringLength(5000, ErrorMessage = "Keep the description to 5000 characters.")]
    public string? Description { get; set; }

    [Display(Name = "Category")]
    public int CategoryId { get; set; }

    /// <summary>In major units ("4.50"); a string so the message for "4,50" or "abc" is ours.</summary>
    [Required(ErrorMessage = "Give a price, like 4.50.")]
    public string Price { get; set; } = "";

    [Required(ErrorMessage = "Say what the price is for, like \"per dozen\" or \"each\".")]
    [StringLength(40, ErrorMessage = "Keep the unit to 40 characters.")]
    [Display(Name = "Price is")]
    public string UnitLabel { get; set; } = "each";

    [Display(Name = "In stock")]
    public int Stock { get; set; }

    [Display(Name = "Season starts")]
    public int SeasonStart { get; set; }

    [Display(Name = "Season ends")]
    public int SeasonEnd { get; set; }

    public bool Shipping { get; set; }

    public bool Pickup { get; set; }

    public bool LocalDelivery { get; set; }

    [Display(Name = "Perishable (keep cool, eat soon)")]
    public bool IsPerishable { get; set; }

    /// <summary>The product's version when the form was shown; a different one on save means someone else changed it.</summary>
    public int Version { get; set; }

    public FulfilmentMethod Fulfilment =>
        (Shipping ? FulfilmentMethod.Shipping : FulfilmentMethod.None)
        | (Pickup ? FulfilmentMethod.Pickup : FulfilmentMethod.None)
        | (LocalDelivery ? FulfilmentMethod.LocalDelivery : FulfilmentMethod.None);

    public static ProductInput For(SellerTerms terms) => new()
    {
        CategoryId = Category.All[0].Id,
        Shipping = terms.Offers(FulfilmentMethod.Shipping),
        Pickup = terms.Offers(FulfilmentMethod.Pickup),
        LocalDelivery = terms.Offers(FulfilmentMethod.LocalDelivery),
    };

    public static ProductInput From(Product product) => new()
    {
        Title = product.Title,
        Description = product.Description,
        CategoryId = product.CategoryId,
        Price = product.Price.ToMajor().ToString("0.##", CultureInfo.InvariantCulture),
        UnitLabel = product.UnitLabel,
        Stock = product.Stock,
        SeasonStart = product.Season.StartMonth,
        SeasonEnd = product.Season.EndMonth,
        Shipping = product.AllowedFulfilment.HasFlag(FulfilmentMethod.Shipping),
        Pickup = product.AllowedFulfilment.HasFlag(FulfilmentMethod.Pickup),
        LocalDelivery = product.AllowedFulfilment.HasFlag(FulfilmentMethod.LocalDelivery),
        IsPerishable = product.IsPerishable,
        Version = product.Version,
    };

    /// <summary>The values in the domain's terms; throws <see cref="DomainException"/> with a message for the seller.</summary>
    public ProductValues ToValues(SellerTerms terms) => new(
        Title,
        Description,
        CategoryId,
        ProductValues.ParsePrice(Price, terms.Currency),
        UnitLabel,
        Stock,
        ProductValues.SeasonOf(SeasonStart, SeasonEnd),
        terms.Require(Fulfilment),
        IsPerishable);
}

/// <summary>A product's editable values, checked for what the domain cannot know (the seller's currency and offer).</summary>
public sealed record ProductValues(
    string Title,
    string? Description,
    int CategoryId,
    Money Price,
    string UnitLabel,
    int Stock,
    SeasonWindow Season,
    FulfilmentMethod Fulfilment,
    bool IsPerishable)
{
    public Product Create(Guid sellerId, TimeProvider clock) =>
        Product.Create(sellerId, Title, Description, CategoryId, Price, UnitLabel, Stock, Fulfilment, IsPerishable, Season, clock);

    public void ApplyTo(Product product, TimeProvider clock)
    {
        product.Update(Title, Description, CategoryId, Price, UnitLabel, Fulfilment, IsPerishable, Season, clock);
        if (product.Stock != Stock)
        {
            product.SetStock(Stock, clock);
        }
    }

    public static Money ParsePrice(string? text, string currency)
    {
        var trimmed = (text ?? "").Trim().TrimStart('$', '€', '£');
        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw new DomainException($"'{text}' is not a price. Write it like 4.50, with a dot and no currency sign.");
        }

        return Money.FromMajor(amount, currency);
    }

    /// <summary>Both months or neither (all year).</summary>
    public static SeasonWindow SeasonOf(int start, int end) =>
        (start, end) switch
        {
            (0, 0) => SeasonWindow.AllYear,
            (0, _) or (_, 0) => throw new DomainException("Choose both the month the season starts and the month it ends, or neither for all year."),
            _ => new SeasonWindow(start, end),
        };
}

/// <summary>What a seller's products may use: the seller's currency and the ways they offer to get goods to buyers.</summary>
public sealed record SellerTerms(string Currency, FulfilmentMethod Offered)
{
    public bool Offers(FulfilmentMethod method) => (Offered & method) == method && method != FulfilmentMethod.None;

    public FulfilmentMethod Require(FulfilmentMethod chosen)
    {
        if (chosen == FulfilmentMethod.None)
        {
            throw new DomainException("Choose at least one way for buyers to get this product.");
        }

        if (!Offers(chosen))
        {
            throw new DomainException("Your shop does not offer every way you chose. Change your shop's delivery options first, or untick it here.");
        }

        return chosen;
    }
}
