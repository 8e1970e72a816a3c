using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Ordering;

/// <summary>A snapshot of what was bought, so later edits to the product do not change the order.</summary>
public sealed class OrderLine
{
    public OrderLine(Guid productId, string title, Money unitPrice, int quantity)
    {
        Guard.That(unitPrice.IsPositive, "A unit price must be more than zero.");
        Guard.That(quantity > 0, "A quantity must be at least 1.");
        Id = Guid.CreateVersion7();
        ProductId = productId;
        Title = Guard.Text(title, "A product title", 200);
        UnitPrice = unitPrice;
        Quantity = quantity;
        LineTotal = unitPrice.Times(quantity);
    }

    private OrderLine()
    {
        Title = null!;
        UnitPrice = null!;
        LineTotal = null!;
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public string Title { get; private set; }

    public Money UnitPrice { get; private set; }

    public int Quantity { get; private set; }

    public Money LineTotal { get; private set; }
}
