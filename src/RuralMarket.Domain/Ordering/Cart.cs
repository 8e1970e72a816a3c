using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Ordering;

/// <summary>A signed-in buyer's cart, or an anonymous visitor's (found by a cookie token) until they sign in.</summary>
public sealed class Cart
{
    public const int MaxQuantity = 99;
    public const int MaxLines = 50;

    private readonly List<CartLine> _lines = [];
    private readonly List<CartSellerChoice> _sellerChoices = [];

    private Cart()
    {
    }

    public Guid Id { get; private set; }

    public string? BuyerUserId { get; private set; }

    public string? AnonymousToken { get; private set; }

    public IReadOnlyList<CartLine> Lines => _lines;

    public IReadOnlyList<CartSellerChoice> SellerChoices => _sellerChoices;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsEmpty => _lines.Count == 0;

    public int TotalQuantity => _lines.Sum(l => l.Quantity);

    public IReadOnlyList<Guid> SellerIds => [.. _lines.Select(l => l.SellerId).Distinct()];

    public static Cart ForBuyer(string buyerUserId, TimeProvider clock) =>
        New(Guard.Text(buyerUserId, "A buyer id", 450), null, clock);

    public static Cart ForAnonymous(string anonymousToken, TimeProvider clock) =>
        New(null, Guard.Text(anonymousToken, "A cart token", 100), clock);

    public void AddItem(Guid productId, Guid sellerId, int quantity, TimeProvider clock)
    {
        RequireQuantity(quantity);
        var line = _lines.Find(l => l.ProductId == productId);
        if (line is null)
        {
            Guard.That(_lines.Count < MaxLines, $"A cart can hold at most {MaxLines} different products.");
            _lines.Add(new CartLine(productId, sellerId, quantity, clock.GetUtcNow().UtcDateTime));
        }
        else
        {
            Guard.That(
                line.Quantity + quantity <= MaxQuantity,
                $"You can have at most {MaxQuantity} of one product in your cart; you already have {line.Quantity}.");
            line.SetQuantity(line.Quantity + quantity);
        }

        Touch(clock);
    }

    /// <summary>Zero removes the product, as buyers expect from a quantity box.</summary>
    public void SetQuantity(Guid productId, int quantity, TimeProvider clock)
    {
        var line = _lines.Find(l => l.ProductId == productId)
            ?? throw new DomainException("That product is no longer in your cart.");
        if (quantity == 0)
        {
            Remove(productId, clock);
            return;
        }

        RequireQuantity(quantity);
        line.SetQuantity(quantity);
        Touch(clock);
    }

    /// <summary>Returns false when the product was not in the cart, so a repeated click is harmless.</summary>
    public bool Remove(Guid productId, TimeProvider clock)
    {
        var line = _lines.Find(l => l.ProductId == productId);
        if (line is null)
        {
            return false;
        }

        _lines.Remove(line);
        if (!_lines.Exists(l => l.SellerId == line.SellerId))
        {
            _sellerChoices.RemoveAll(c => c.SellerId == line.SellerId);
        }

        Touch(clock);
        return true;
    }

    public void ChooseFulfilment(Guid sellerId, FulfilmentMethod method, TimeProvider clock)
    {
        Guard.That(method.IsSingle(), "Choose one way to get this seller's goods.");
        Guard.That(_lines.Exists(l => l.SellerId == sellerId), "Your cart has nothing from that seller.");
        var choice = _sellerChoices.Find(c => c.SellerId == sellerId);
        if (choice is null)
        {
            _sellerChoices.Add(new CartSellerChoice(sellerId, method));
        }
        else
        {
            choice.Change(method);
        }

        Touch(clock);
    }

    /// <summary>The buyer's choice for a seller, or None when they have not chosen yet.</summary>
    public FulfilmentMethod ChosenMethodFor(Guid sellerId) =>
        _sellerChoices.Find(c => c.SellerId == sellerId)?.Method ?? FulfilmentMethod.None;

    /// <summary>
    /// Puts an unpaid order's items back (its payment was declined, ran out of time or never opened), so ordering
    /// again is one press: a product still in the cart keeps the buyer's quantity, products beyond the line limit
    /// are left out, and the order's way of getting them is chosen again unless the buyer has chosen since.
    /// </summary>
    public void PutBack(Order order, TimeProvider clock)
    {
        var addedAt = clock.GetUtcNow().UtcDateTime;
        foreach (var line in order.Lines)
        {
            if (_lines.Count < MaxLines && !_lines.Exists(l => l.ProductId == line.ProductId))
            {
                _lines.Add(new CartLine(line.ProductId, order.SellerId, Math.Min(line.Quantity, MaxQuantity), addedAt));
            }
        }

        if (order.Method.IsSingle() && ChosenMethodFor(order.SellerId) == FulfilmentMethod.None && _lines.Exists(l => l.SellerId == order.SellerId))
        {
            _sellerChoices.Add(new CartSellerChoice(order.SellerId, order.Method));
        }

        Touch(clock);
    }

    /// <summary>
    /// Brings an anonymous cart's contents into this one at sign-in: quantities add up (capped at the
    /// maximum), and this cart's fulfilment choices win. Products beyond the line limit are left out.
    /// </summary>
    public void MergeFrom(Cart other, TimeProvider clock)
    {
        Guard.That(other.Id != Id, "A cart cannot be merged into itself.");
        foreach (var incoming in other._lines)
        {
            var line = _lines.Find(l => l.ProductId == incoming.ProductId);
            if (line is not null)
            {
                line.SetQuantity(Math.Min(MaxQuantity, line.Quantity + incoming.Quantity));
            }
            else if (_lines.Count < MaxLines)
            {
                _lines.Add(new CartLine(incoming.ProductId, incoming.SellerId, incoming.Quantity, incoming.AddedAt));
            }
        }

        foreach (var choice in other._sellerChoices)
        {
            if (ChosenMethodFor(choice.SellerId) == FulfilmentMethod.None && _lines.Exists(l => l.SellerId == choice.SellerId))
            {
                _sellerChoices.Add(new CartSellerChoice(choice.SellerId, choice.Method));
            }
        }

        Touch(clock);
    }

    /// <summary>An anonymous cart becomes the buyer's when they sign in without a cart of their own.</summary>
    public void ClaimFor(string buyerUserId, TimeProvider clock)
    {
        Guard.That(BuyerUserId is null, "This cart already belongs to a buyer.");
        BuyerUserId = Guard.Text(buyerUserId, "A buyer id", 450);
        AnonymousToken = null;
        Touch(clock);
    }

    public void Clear(TimeProvider clock)
    {
        _lines.Clear();
        _sellerChoices.Clear();
        Touch(clock);
    }

    private static Cart New(string? buyerUserId, string? anonymousToken, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new Cart
        {
            Id = Guid.CreateVersion7(),
            BuyerUserId = buyerUserId,
            AnonymousToken = anonymousToken,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
    }

    private static void RequireQuantity(int quantity) =>
        Guard.That(quantity is >= 1 and <= MaxQuantity, $"Choose a quantity from 1 to {MaxQuantity}.");

    private void Touch(TimeProvider clock)
    {
        UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Version++;
    }
}
