using RuralMarket.Domain.Catalog;

namespace RuralMarket.Domain.Ordering;

/// <summary>How the buyer wants to get one seller's part of the cart.</summary>
public sealed class CartSellerChoice
{
    private CartSellerChoice()
    {
    }

    internal CartSellerChoice(Guid sellerId, FulfilmentMethod method)
    {
        Id = Guid.CreateVersion7();
        SellerId = sellerId;
        Method = method;
    }

    public Guid Id { get; private set; }

    public Guid SellerId { get; private set; }

    public FulfilmentMethod Method { get; private set; }

    internal void Change(FulfilmentMethod method) => Method = method;
}
