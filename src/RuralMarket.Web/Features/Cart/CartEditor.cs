using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using BuyerCart = RuralMarket.Domain.Ordering.Cart;

namespace RuralMarket.Web.Features.Cart;

/// <summary>
/// Changes the visitor's cart: load it, call the domain, save once. Every refusal writes nothing and says why.
/// A visitor gets a cart row (and the cookie) only when they first add something.
/// </summary>
public sealed class CartEditor(RuralMarketDbContext db, CartReader reader, TimeProvider clock, ILogger<CartEditor> logger)
{
    private const string ChangedElsewhere = "Your cart changed in another window at the same moment. Please try again.";

    public async Task<CartOutcome> AddAsync(HttpContext context, Guid productId, int quantity, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .Where(p => p.Id == productId && p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible)
            .Join(db.Sellers.Where(s => s.Status == SellerStatus.Approved), p => p.SellerId, s => s.Id,
                (p, s) => new { p.SellerId, p.Title, p.Stock, Url = "/p/" + s.Slug + "/" + p.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return CartOutcome.NotFound;
        }

        if (quantity is < 1 or > BuyerCart.MaxQuantity)
        {
            return CartOutcome.Refused($"Choose a quantity from 1 to {BuyerCart.MaxQuantity}.", product.Url);
        }

        if (product.Stock <= 0)
        {
            return CartOutcome.Refused($"Sorry, {product.Title} is sold out.", product.Url);
        }

        var owner = CartOwner.Of(context);
        var cart = await FindAsync(owner, cancellationToken);
        var already = cart?.Lines.FirstOrDefault(l => l.ProductId == productId)?.Quantity ?? 0;
        if (already + quantity > product.Stock)
        {
            return CartOutcome.Refused(
                already == 0
                    ? $"Only {product.Stock} left of {product.Title}."
                    : $"Only {product.Stock} left of {product.Title}, and you already have {already} in your cart.",
                product.Url);
        }

        string? newToken = null;
        if (cart is null)
        {
            if (owner.BuyerUserId is { } buyerUserId)
            {
                cart = BuyerCart.ForBuyer(buyerUserId, clock);
            }
            else
            {
                newToken = CartCookie.NewToken();
                cart = BuyerCart.ForAnonymous(CartCookie.Hash(newToken), clock);
            }

            db.Carts.Add(cart);
        }

        try
        {
            cart.AddItem(productId, product.SellerId, quantity, clock);
        }
        catch (DomainException ex)
        {
            return CartOutcome.Refused(ex.Message, product.Url);
        }

        if (!await TrySaveAsync(cancellationToken))
        {
            return CartOutcome.Refused(ChangedElsewhere, product.Url);
        }

        // A new cart gets its cookie; an existing one has its cookie's life extended.
        if ((newToken ?? (owner.BuyerUserId is null ? CartCookie.Read(context.Request) : null)) is { } token)
        {
            CartCookie.Write(context, token, clock);
        }

        return CartOutcome.Done($"Added {quantity} × {product.Title} to your cart.", product.Url);
    }

    /// <summary>Zero removes the line. More than the stock left is refused, not trimmed, so the buyer decides.</summary>
    public async Task<CartOutcome> ChangeQuantityAsync(CartOwner owner, Guid productId, int quantity, CancellationToken cancellationToken)
    {
        if (quantity is < 0 or > BuyerCart.MaxQuantity)
        {
            return CartOutcome.Refused($"Choose a quantity from 1 to {BuyerCart.MaxQuantity}, or 0 to remove the product.");
        }

        var cart = await FindAsync(owner, cancellationToken);
        var line = cart?.Lines.FirstOrDefault(l => l.ProductId == productId);
        if (cart is null || line is null)
        {
            return CartOutcome.Refused("That product is not in your cart.");
        }

        var product = await db.Products.AsNoTracking()
            .Where(p => p.Id == productId)
            .Select(p => new
            {
                p.Title,
                p.Stock,
                IsForSale = p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible
                    && db.Sellers.Any(s => s.Id == p.SellerId && s.Status == SellerStatus.Approved),
            })
            .SingleAsync(cancellationToken);

        if (quantity == 0)
        {
            cart.Remove(productId, clock);
            return await TrySaveAsync(cancellationToken)
                ? CartOutcome.Done($"Removed {product.Title} from your cart.")
                : CartOutcome.Refused(ChangedElsewhere);
        }

        if (!product.IsForSale)
        {
            return CartOutcome.Refused($"{product.Title} is no longer available. You can remove it from your cart.");
        }

        if (quantity > product.Stock)
        {
            return CartOutcome.Refused(product.Stock == 0
                ? $"{product.Title} is sold out. You can remove it from your cart."
                : $"Only {product.Stock} left of {product.Title} — your cart still has {line.Quantity}.");
        }

        if (quantity == line.Quantity)
        {
            return CartOutcome.Done($"You have {quantity} × {product.Title} in your cart.");
        }

        cart.SetQuantity(productId, quantity, clock);
        return await TrySaveAsync(cancellationToken)
            ? CartOutcome.Done($"Updated: {quantity} × {product.Title} in your cart.")
            : CartOutcome.Refused(ChangedElsewhere);
    }

    public async Task<CartOutcome> RemoveAsync(CartOwner owner, Guid productId, CancellationToken cancellationToken)
    {
        var cart = await FindAsync(owner, cancellationToken);
        if (cart is null || !cart.Remove(productId, clock))
        {
            return CartOutcome.Refused("That product is not in your cart.");
        }

        var title = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.Title).SingleAsync(cancellationToken);
        return await TrySaveAsync(cancellationToken)
            ? CartOutcome.Done($"Removed {title} from your cart.")
            : CartOutcome.Refused(ChangedElsewhere);
    }

    /// <summary>Only a method the seller offers and every product from them in the cart allows.</summary>
    public async Task<CartOutcome> ChooseFulfilmentAsync(CartOwner owner, Guid sellerId, FulfilmentMethod method, CancellationToken cancellationToken)
    {
        if (!method.IsSingle())
        {
            return CartOutcome.Refused("Choose shipping, local delivery or pickup.");
        }

        var group = (await reader.LoadAsync(owner, cancellationToken)).Groups.FirstOrDefault(g => g.SellerId == sellerId);
        if (group is null)
        {
            return CartOutcome.Refused("Your cart has nothing from that seller.");
        }

        if (!group.AvailableMethods.Contains(method))
        {
            return CartOutcome.Refused($"{group.SellerName} can't offer {FulfilmentNames.Describe(method)} for the products in your cart.");
        }

        var cart = await FindAsync(owner, cancellationToken);
        if (cart is null)
        {
            return CartOutcome.Refused(ChangedElsewhere);
        }

        cart.ChooseFulfilment(sellerId, method, clock);
        return await TrySaveAsync(cancellationToken)
            ? CartOutcome.Done($"{group.SellerName}: {FulfilmentNames.Label(method).ToLowerInvariant()}.")
            : CartOutcome.Refused(ChangedElsewhere);
    }

    /// <summary>
    /// Runs when a visitor signs in: their anonymous cart becomes theirs, or is merged into the cart they already
    /// had (quantities add up) and deleted. The cookie goes once the anonymous cart is dealt with.
    /// </summary>
    public async Task MergeAtSignInAsync(HttpContext context, string buyerUserId, CancellationToken cancellationToken)
    {
        if (CartCookie.Read(context.Request) is not { } token)
        {
            return;
        }

        var anonymous = await FindAsync(new CartOwner(null, CartCookie.Hash(token)), cancellationToken);
        if (anonymous is not null)
        {
            var own = await FindAsync(new CartOwner(buyerUserId, null), cancellationToken);
            if (own is null)
            {
                anonymous.ClaimFor(buyerUserId, clock);
            }
            else
            {
                own.MergeFrom(anonymous, clock);
                db.Carts.Remove(anonymous);
            }

            if (!await TrySaveAsync(cancellationToken))
            {
                // The cookie stays, so the next sign-in tries again; the buyer's own cart is untouched.
                return;
            }
        }

        CartCookie.Delete(context);
    }

    /// <summary>
    /// The visitor's cart, tracked, for a unit of work outside this class (checkout empties it in its own save),
    /// or null when they have none.
    /// </summary>
    public Task<BuyerCart?> FindAsync(HttpContext context, CancellationToken cancellationToken) =>
        FindAsync(CartOwner.Of(context), cancellationToken);

    public async Task<BuyerCart?> FindAsync(CartOwner owner, CancellationToken cancellationToken) =>
        owner.HasCart ? await db.Carts.OwnedBy(owner).AsSplitQuery().FirstOrDefaultAsync(cancellationToken) : null;

    /// <summary>False when another request changed or created the same cart first (version check or unique key).</summary>
    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "A cart change lost a race with another request and was not saved");
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
