using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using BuyerCart = RuralMarket.Domain.Ordering.Cart;

namespace RuralMarket.Web.Features.Cart;

/// <summary>
/// Reads the visitor's cart with current catalog data: two SQL commands (the cart's choices, then its lines
/// joined to products and sellers), none for a visitor without a cart. Nothing is written.
/// </summary>
public sealed class CartReader(RuralMarketDbContext db)
{
    /// <summary>The order fulfilment options are shown in, and the default when the buyer has not chosen.</summary>
    private static readonly FulfilmentMethod[] MethodOrder = [FulfilmentMethod.Shipping, FulfilmentMethod.LocalDelivery, FulfilmentMethod.Pickup];

    public Task<CartView> LoadAsync(HttpContext context, CancellationToken cancellationToken) =>
        LoadAsync(CartOwner.Of(context), cancellationToken);

    /// <summary>
    /// For checkout: the same view as the cart page. Use <see cref="CartView.ReadyGroups"/> (one order each) with their
    /// <see cref="CartSellerGroup.IncludedLines"/> (<see cref="CartLineView.QuantityToBuy"/> at <see cref="CartLineView.UnitPrice"/>),
    /// <see cref="CartSellerGroup.ChosenMethod"/> and <see cref="CartSellerGroup.DeliveryFee"/>.
    /// </summary>
    public Task<CartView> LoadForCheckoutAsync(HttpContext context, CancellationToken cancellationToken) =>
        LoadAsync(CartOwner.Of(context), cancellationToken);

    public async Task<CartView> LoadAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        if (!owner.HasCart)
        {
            return CartView.Empty;
        }

        var cart = await db.Carts.AsNoTracking().OwnedBy(owner)
            .Select(c => new { c.Id, c.Version, Choices = c.SellerChoices.Select(s => new { s.SellerId, s.Method }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (cart is null)
        {
            return CartView.Empty;
        }

        var rows = await (
                from c in db.Carts.AsNoTracking()
                where c.Id == cart.Id
                from l in c.Lines
                join p in db.Products on l.ProductId equals p.Id
                join s in db.Sellers on p.SellerId equals s.Id
                orderby l.AddedAt, l.Id
                select new LineRow(
                    l.ProductId, l.Quantity, p.Title, p.Slug, p.UnitLabel, p.Price, p.Stock, p.Status, p.Moderation, p.AllowedFulfilment,
                    s.Id, s.Name, s.Slug, s.Location.Town, s.Location.Latitude, s.Location.Longitude, s.Status, s.CommissionBasisPoints, s.Fulfilment))
            .ToListAsync(cancellationToken);

        var choices = cart.Choices.ToDictionary(c => c.SellerId, c => c.Method);
        var groups = rows
            .GroupBy(r => r.SellerId)
            .Select(g => ToGroup([.. g], choices.GetValueOrDefault(g.Key)))
            .ToList();
        return new CartView(cart.Id, groups, cart.Version);
    }

    /// <summary>The header's "Cart (N)": one small query, none for a visitor without a cart.</summary>
    public async Task<int> CountItemsAsync(CartOwner owner, CancellationToken cancellationToken) =>
        owner.HasCart
            ? await db.Carts.AsNoTracking().OwnedBy(owner).SelectMany(c => c.Lines).SumAsync(l => (int?)l.Quantity, cancellationToken) ?? 0
            : 0;

    private static CartSellerGroup ToGroup(IReadOnlyList<LineRow> rows, FulfilmentMethod storedChoice)
    {
        var first = rows[0];
        var sellerIsSelling = first.SellerStatus == SellerStatus.Approved;
        var lines = rows.Select(r => new CartLineView(
                r.ProductId, r.Title, r.ProductSlug, first.SellerSlug, r.UnitLabel, r.Price, r.Quantity, r.Stock, r.AllowedFulfilment,
                StateOf(r, sellerIsSelling)))
            .ToList();
        var included = lines.Where(l => l.IsIncluded).ToList();
        var fulfilment = first.Fulfilment;

        string? problem = null;
        var subtotal = Money.Zero(fulfilment.Currency);
        if (included.Exists(l => l.UnitPrice.Currency != fulfilment.Currency))
        {
            problem = $"These products are not priced in {fulfilment.Currency}, the currency {first.SellerName} charges delivery in.";
        }
        else
        {
            subtotal = included.Aggregate(subtotal, (sum, l) => sum + l.LineTotal);
        }

        // A seller's part travels one way: one the seller offers and every product in it allows.
        var allowed = included.Aggregate(fulfilment.OfferedMethods, (methods, l) => methods & l.AllowedFulfilment);
        var available = included.Count == 0 || problem is not null ? [] : MethodOrder.Where(m => (allowed & m) == m).ToList();
        if (included.Count > 0 && problem is null && available.Count == 0)
        {
            problem = "These products can't all reach you the same way. Remove one to check out the rest.";
        }

        var buyerChose = available.Contains(storedChoice);
        var chosen = buyerChose ? storedChoice : available.FirstOrDefault();
        var fee = chosen.IsSingle() ? fulfilment.DeliveryFeeFor(chosen, subtotal) : null;
        return new CartSellerGroup(
            first.SellerId, first.SellerName, first.SellerSlug, first.SellerTown, new GeoPoint(first.SellerLatitude, first.SellerLongitude), sellerIsSelling, first.CommissionBasisPoints, fulfilment,
            lines, available, chosen, buyerChose, subtotal, fee, problem);
    }

    private static CartLineState StateOf(LineRow row, bool sellerIsSelling)
    {
        if (!sellerIsSelling || row.Status != ProductStatus.Active || row.Moderation != ModerationState.Visible)
        {
            return CartLineState.NoLongerAvailable;
        }

        return row.Stock <= 0 ? CartLineState.SoldOut
            : row.Stock < row.Quantity ? CartLineState.ReducedToStock
            : CartLineState.Available;
    }

    private sealed record LineRow(
        Guid ProductId,
        int Quantity,
        string Title,
        string ProductSlug,
        string UnitLabel,
        Money Price,
        int Stock,
        ProductStatus Status,
        ModerationState Moderation,
        FulfilmentMethod AllowedFulfilment,
        Guid SellerId,
        string SellerName,
        string SellerSlug,
        string SellerTown,
        double SellerLatitude,
        double SellerLongitude,
        SellerStatus SellerStatus,
        int CommissionBasisPoints,
        FulfilmentOptions Fulfilment);
}

internal static class CartQueries
{
    public static IQueryable<BuyerCart> OwnedBy(this IQueryable<BuyerCart> carts, CartOwner owner) =>
        owner.BuyerUserId is { } buyerUserId
            ? carts.Where(c => c.BuyerUserId == buyerUserId)
            : carts.Where(c => c.AnonymousToken == owner.AnonymousTokenHash);
}
