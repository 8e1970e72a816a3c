using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;

namespace RuralMarket.Web.Features.Cart;

/// <summary>Why a cart line is (or is not) part of what the buyer would pay for now.</summary>
public enum CartLineState
{
    Available,

    /// <summary>Fewer left than the buyer wanted: checkout takes what is left.</summary>
    ReducedToStock,

    SoldOut,

    /// <summary>The product was hidden, archived or unpublished, or its seller is no longer selling.</summary>
    NoLongerAvailable,
}

/// <summary>One product in the cart with its current data from the catalog (prices are never taken from the cart).</summary>
public sealed record CartLineView(
    Guid ProductId,
    string Title,
    string ProductSlug,
    string SellerSlug,
    string UnitLabel,
    Money UnitPrice,
    int Quantity,
    int Stock,
    FulfilmentMethod AllowedFulfilment,
    CartLineState State)
{
    /// <summary>What checkout buys: the quantity, cut to the stock left; zero for a line that is left out.</summary>
    public int QuantityToBuy => State switch
    {
        CartLineState.Available => Quantity,
        CartLineState.ReducedToStock => Stock,
        _ => 0,
    };

    public bool IsIncluded => QuantityToBuy > 0;

    public Money LineTotal => UnitPrice.Times(QuantityToBuy);

    public string Url => $"/p/{SellerSlug}/{ProductSlug}";

    public string? Message => State switch
    {
        CartLineState.ReducedToStock => $"Only {Stock} left — we changed your quantity to {Stock}.",
        CartLineState.SoldOut => "Sold out — this line won't be included.",
        CartLineState.NoLongerAvailable => "No longer available — this line won't be included.",
        _ => null,
    };
}

/// <summary>Everything from one seller: one order at checkout, with one way of getting it.</summary>
public sealed record CartSellerGroup(
    Guid SellerId,
    string SellerName,
    string SellerSlug,
    string SellerTown,
    GeoPoint SellerLocation,
    bool SellerIsSelling,
    int CommissionBasisPoints,
    FulfilmentOptions Fulfilment,
    IReadOnlyList<CartLineView> Lines,
    IReadOnlyList<FulfilmentMethod> AvailableMethods,
    FulfilmentMethod ChosenMethod,
    bool BuyerChoseMethod,
    Money Subtotal,
    Money? DeliveryFee,
    string? Problem)
{
    public string SellerUrl => $"/s/{SellerSlug}";

    public IReadOnlyList<CartLineView> IncludedLines => [.. Lines.Where(l => l.IsIncluded)];

    /// <summary>True when this seller's part can be checked out: something to buy and a way to get it.</summary>
    public bool IsReady => Problem is null && DeliveryFee is not null && ChosenMethod.IsSingle() && Lines.Any(l => l.IsIncluded);

    public Money Total => DeliveryFee is null ? Subtotal : Subtotal + DeliveryFee;

    /// <summary>The fee this group would pay with a method (for showing every option beside its radio button).</summary>
    public Money FeeFor(FulfilmentMethod method) => Fulfilment.DeliveryFeeFor(method, Subtotal);
}

/// <summary>
/// The visitor's cart as the cart page and checkout see it. <see cref="Version"/> is the cart's concurrency
/// version when read, so a form can tell that the cart changed since it was shown.
/// </summary>
public sealed record CartView(Guid? CartId, IReadOnlyList<CartSellerGroup> Groups, int Version = 0)
{
    public static CartView Empty { get; } = new(null, []);

    public bool IsEmpty => Groups.Count == 0;

    /// <summary>Every unit in the cart, including lines that are left out (what the header's "Cart (N)" counts).</summary>
    public int ItemCount => Groups.Sum(g => g.Lines.Sum(l => l.Quantity));

    /// <summary>The sellers' parts that checkout turns into orders.</summary>
    public IReadOnlyList<CartSellerGroup> ReadyGroups => [.. Groups.Where(g => g.IsReady)];

    /// <summary>False when the ready parts are priced in different currencies: one payment cannot mix them.</summary>
    public bool HasOneCurrency => ReadyGroups.Select(g => g.Subtotal.Currency).Distinct().Count() <= 1;

    public bool CanCheckout => ReadyGroups.Count > 0 && HasOneCurrency;

    /// <summary>Sum of the ready parts (goods plus delivery), or null when there is nothing to pay for.</summary>
    public Money? GrandTotal => CanCheckout ? ReadyGroups.Skip(1).Aggregate(ReadyGroups[0].Total, (sum, g) => sum + g.Total) : null;
}
