namespace RuralMarket.Domain.Ordering;

public sealed class OrderStatusChange
{
    private OrderStatusChange()
    {
    }

    internal OrderStatusChange(OrderStatus from, OrderStatus to, DateTime at, string? byUserId, string? note)
    {
        Id = Guid.CreateVersion7();
        From = from;
        To = to;
        At = at;
        ByUserId = byUserId;
        Note = note;
    }

    public Guid Id { get; private set; }

    public OrderStatus From { get; private set; }

    public OrderStatus To { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>Null when the system moved the order (a payment event or a timer).</summary>
    public string? ByUserId { get; private set; }

    public string? Note { get; private set; }
}
