namespace RuralMarket.Domain.Ordering;

public sealed class CartLine
{
    private CartLine()
    {
    }

    internal CartLine(Guid productId, Guid sellerId, int quantity, DateTime addedAt)
    {
        Id = Guid.CreateVersion7();
        ProductId = productId;
        SellerId = sellerId;
        Quantity = quantity;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public Guid SellerId { get; private set; }

    public int Quantity { get; private set; }

    public DateTime AddedAt { get; private set; }

    internal void SetQuantity(int quantity) => Quantity = quantity;
}
