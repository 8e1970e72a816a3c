using System.Globalization;
using System.Security.Cryptography;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Ordering;

/// <summary>
/// One seller's part of a checkout. PendingPayment → Paid → Preparing → (Shipped → Delivered |
/// ReadyForPickup → PickedUp | OutForDelivery → Delivered) → Completed; Cancelled from the first three.
/// </summary>
public sealed class Order
{
    public const int PickupCodeLength = 6;

    // No 0/O, 1/I/L: the code is read aloud or copied from a phone screen at the farm gate.
    private const string PickupCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private readonly List<OrderLine> _lines = [];
    private readonly List<OrderStatusChange> _statusHistory = [];

    private Order()
    {
        BuyerUserId = null!;
        Delivery = null!;
        Subtotal = null!;
        DeliveryFee = null!;
        PlatformFee = null!;
        Total = null!;
        RefundedAmount = null!;
    }

    public Guid Id { get; private set; }

    public Guid CheckoutId { get; private set; }

    public Guid SellerId { get; private set; }

    public string BuyerUserId { get; private set; }

    public long Number { get; private set; }

    public string DisplayNumber => FormatNumber(Number);

    /// <summary>How buyers and sellers see an order number: "RM-000123".</summary>
    public static string FormatNumber(long number) => string.Create(CultureInfo.InvariantCulture, $"RM-{number:D6}");

    public IReadOnlyList<OrderLine> Lines => _lines;

    public FulfilmentMethod Method { get; private set; }

    public DeliveryDetails Delivery { get; private set; }

    public Money Subtotal { get; private set; }

    public Money DeliveryFee { get; private set; }

    /// <summary>The platform's commission, frozen when the order is placed.</summary>
    public Money PlatformFee { get; private set; }

    public Money Total { get; private set; }

    public Money RefundedAmount { get; private set; }

    public bool IsFullyRefunded { get; private set; }

    public OrderStatus Status { get; private set; }

    public string? Carrier { get; private set; }

    public string? TrackingNumber { get; private set; }

    public string? PickupCode { get; private set; }

    public bool IsDisputed { get; private set; }

    public bool ProblemReported { get; private set; }

    public string? ProblemDescription { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? PaidAt { get; private set; }

    /// <summary>When the goods reached the buyer: delivered, or handed over at pickup.</summary>
    public DateTime? DeliveredAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public IReadOnlyList<OrderStatusChange> StatusHistory => _statusHistory;

    public int Version { get; private set; }

    public bool WasPaid => PaidAt is not null;

    public Money RefundableAmount => WasPaid ? Total - RefundedAmount : Money.Zero(Total.Currency);

    public bool CanMarkPaid => Status == OrderStatus.PendingPayment;

    public bool CanStartPreparing => Status == OrderStatus.Paid;

    public bool CanMarkShipped => Status == OrderStatus.Preparing && Method == FulfilmentMethod.Shipping;

    public bool CanMarkReadyForPickup => Status == OrderStatus.Preparing && Method == FulfilmentMethod.Pickup;

    public bool CanMarkOutForDelivery => Status == OrderStatus.Preparing && Method == FulfilmentMethod.LocalDelivery;

    public bool CanMarkDelivered => Status is OrderStatus.Shipped or OrderStatus.OutForDelivery;

    public bool CanConfirmPickup => Status == OrderStatus.ReadyForPickup;

    public bool CanComplete => CanBeCompleted(Status, IsDisputed, ProblemReported);

    /// <summary>A buyer may cancel on their own only until the seller starts preparing; after that, they ask the seller.</summary>
    public bool CanBuyerCancel => BuyerMayCancel(Status);

    public bool CanCancel => Status is OrderStatus.PendingPayment or OrderStatus.Paid or OrderStatus.Preparing;

    public bool CanReportProblem => WasPaid && Status is not (OrderStatus.Completed or OrderStatus.Cancelled) && !ProblemReported;

    public bool CanOpenDispute => WasPaid && !IsDisputed;

    public bool CanRefund => RefundableAmount.IsPositive;

    /// <summary>
    /// Places one seller's order. The caller supplies the next order number, the delivery fee from the
    /// seller's fulfilment options and the seller's commission rate, which is frozen here.
    /// </summary>
    public static Order Create(
        Guid checkoutId,
        Guid sellerId,
        string buyerUserId,
        long number,
        IReadOnlyList<OrderLine> lines,
        FulfilmentMethod method,
        DeliveryDetails delivery,
        Money deliveryFee,
        int commissionBasisPoints,
        TimeProvider clock)
    {
        Guard.That(number > 0, "An order number must be positive.");
        Guard.That(lines.Count > 0, "An order needs at least one product.");
        Guard.That(
            lines.Select(l => l.ProductId).Distinct().Count() == lines.Count,
            "Each product can appear only once in an order.");
        Guard.That(method.IsSingle(), "Choose one way to get this order.");
        Guard.That(!deliveryFee.IsNegative, "A delivery fee cannot be negative.");
        Guard.That(method != FulfilmentMethod.Pickup || deliveryFee.IsZero, "Pickup orders have no delivery fee.");

        var subtotal = lines.Skip(1).Aggregate(lines[0].LineTotal, (sum, line) => sum + line.LineTotal);
        var order = new Order
        {
            Id = Guid.CreateVersion7(),
            CheckoutId = checkoutId,
            SellerId = sellerId,
            BuyerUserId = Guard.Text(buyerUserId, "A buyer id", 450),
            Number = number,
            Method = method,
            Delivery = delivery.ValidatedFor(method),
            Subtotal = subtotal,
            DeliveryFee = deliveryFee,
            Total = subtotal + deliveryFee,
            // Commission is on the goods only: the delivery fee pays for the seller's delivery costs.
            PlatformFee = subtotal.CommissionFor(commissionBasisPoints),
            RefundedAmount = Money.Zero(subtotal.Currency),
            Status = OrderStatus.PendingPayment,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Version = 1,
        };
        order._lines.AddRange(lines);
        return order;
    }

    public void MarkPaid(TimeProvider clock)
    {
        Guard.That(CanMarkPaid, "Only orders awaiting payment can be marked paid.");
        PaidAt = clock.GetUtcNow().UtcDateTime;
        MoveTo(OrderStatus.Paid, null, null, clock);
    }

    public void StartPreparing(string? byUserId, TimeProvider clock)
    {
        Guard.That(CanStartPreparing, "Only paid orders can start preparing.");
        MoveTo(OrderStatus.Preparing, byUserId, null, clock);
    }

    public void MarkShipped(string carrier, string? trackingNumber, string? byUserId, TimeProvider clock)
    {
        RequireMethod(FulfilmentMethod.Shipping, "shipped");
        Guard.That(CanMarkShipped, "Only orders being prepared can be shipped.");
        Carrier = Guard.Text(carrier, "A carrier", 100);
        TrackingNumber = Guard.OptionalText(trackingNumber, "A tracking number", 100);
        var note = TrackingNumber is null ? Carrier : $"{Carrier} {TrackingNumber}";
        MoveTo(OrderStatus.Shipped, byUserId, note, clock);
    }

    /// <summary>Also issues the pickup code the buyer shows at collection.</summary>
    public void MarkReadyForPickup(string? byUserId, TimeProvider clock)
    {
        RequireMethod(FulfilmentMethod.Pickup, "made ready for pickup");
        Guard.That(CanMarkReadyForPickup, "Only orders being prepared can be made ready for pickup.");
        PickupCode = new string(RandomNumberGenerator.GetItems<char>(PickupCodeAlphabet, PickupCodeLength));
        MoveTo(OrderStatus.ReadyForPickup, byUserId, null, clock);
    }

    public void ConfirmPickup(string code, string? byUserId, TimeProvider clock)
    {
        Guard.That(CanConfirmPickup, "Only orders ready for pickup can be picked up.");
        Guard.That(
            string.Equals(code?.Trim(), PickupCode, StringComparison.OrdinalIgnoreCase),
            "That pickup code does not match this order.");
        DeliveredAt = clock.GetUtcNow().UtcDateTime;
        MoveTo(OrderStatus.PickedUp, byUserId, null, clock);
    }

    public void MarkOutForDelivery(string? byUserId, TimeProvider clock)
    {
        RequireMethod(FulfilmentMethod.LocalDelivery, "sent out for delivery");
        Guard.That(CanMarkOutForDelivery, "Only orders being prepared can go out for delivery.");
        MoveTo(OrderStatus.OutForDelivery, byUserId, null, clock);
    }

    public void MarkDelivered(string? byUserId, TimeProvider clock)
    {
        Guard.That(CanMarkDelivered, "Only shipped orders or orders out for delivery can be marked delivered.");
        DeliveredAt = clock.GetUtcNow().UtcDateTime;
        MoveTo(OrderStatus.Delivered, byUserId, null, clock);
    }

    /// <summary>Closes the order; the seller's payout can then be released after the hold period.</summary>
    public void Complete(string? byUserId, TimeProvider clock)
    {
        Guard.That(Status is OrderStatus.Delivered or OrderStatus.PickedUp, "Only delivered or picked-up orders can be completed.");
        Guard.That(!IsDisputed, "This order cannot be completed while a payment dispute is open.");
        Guard.That(!ProblemReported, "This order cannot be completed while the buyer's reported problem is unresolved.");
        CompletedAt = clock.GetUtcNow().UtcDateTime;
        MoveTo(OrderStatus.Completed, byUserId, null, clock);
    }

    /// <summary>The same rules as <see cref="CanComplete"/> and <see cref="CanBuyerCancel"/>, for read models that hold only the columns.</summary>
    public static bool CanBeCompleted(OrderStatus status, bool isDisputed, bool problemReported) =>
        status is (OrderStatus.Delivered or OrderStatus.PickedUp) && !isDisputed && !problemReported;

    public static bool BuyerMayCancel(OrderStatus status) => status == OrderStatus.Paid;

    /// <summary>The buyer cancels a paid order the seller has not started on. Returns true when a refund is due.</summary>
    public bool CancelByBuyer(string buyerUserId, TimeProvider clock)
    {
        Guard.That(Status != OrderStatus.PendingPayment, "This order is waiting for payment: finish paying, or let the payment lapse and it cancels itself.");
        Guard.That(Status is OrderStatus.Paid or OrderStatus.Cancelled, "The seller has already started on this order, so it can no longer be cancelled here. Please contact the seller.");
        return Cancel("Cancelled by the buyer before preparation.", buyerUserId, clock);
    }

    /// <summary>
    /// The seller cancels, with a reason the buyer reads. Only paid orders: an unpaid one belongs to a checkout
    /// still in flight, which settles or lapses on its own. Returns true when a refund is due.
    /// </summary>
    public bool CancelBySeller(string reason, string sellerUserId, TimeProvider clock)
    {
        Guard.That(WasPaid || Status == OrderStatus.Cancelled, "This order is not paid yet, so there is nothing to cancel: it lapses on its own if the buyer does not pay.");
        return Cancel(reason, sellerUserId, clock);
    }

    /// <summary>Returns true when money was taken and some of it is still to be refunded.</summary>
    public bool Cancel(string reason, string? byUserId, TimeProvider clock)
    {
        Guard.That(CanCancel, Status == OrderStatus.Cancelled
            ? "This order is already cancelled."
            : "Orders can only be cancelled before they are shipped, out for delivery or ready for pickup.");
        CancellationReason = Guard.Text(reason, "A reason for cancelling", 500);
        MoveTo(OrderStatus.Cancelled, byUserId, CancellationReason, clock);
        return CanRefund;
    }

    /// <summary>Records money returned to the buyer; several partial refunds may add up to the total.</summary>
    public void RecordRefund(Money amount)
    {
        Guard.That(WasPaid, "Nothing has been paid for this order, so nothing can be refunded.");
        Guard.That(amount.Currency == Total.Currency, $"Refunds for this order must be in {Total.Currency}.");
        Guard.That(amount.IsPositive, "A refund must be more than zero.");
        Guard.That(amount <= RefundableAmount, $"At most {RefundableAmount.Format()} can still be refunded.");
        RefundedAmount += amount;
        IsFullyRefunded = RefundedAmount == Total;
        Version++;
    }

    public void OpenDispute()
    {
        Guard.That(WasPaid, "Only paid orders can be disputed.");
        Guard.That(!IsDisputed, "A dispute is already open for this order.");
        IsDisputed = true;
        Version++;
    }

    public void CloseDispute()
    {
        Guard.That(IsDisputed, "There is no open dispute on this order.");
        IsDisputed = false;
        Version++;
    }

    public void ReportProblem(string buyerUserId, string description)
    {
        Guard.That(buyerUserId == BuyerUserId, "Only the buyer can report a problem with this order.");
        Guard.That(WasPaid && Status is not (OrderStatus.Completed or OrderStatus.Cancelled), "Problems can be reported on paid orders that are not yet completed or cancelled.");
        Guard.That(!ProblemReported, "A problem has already been reported on this order.");
        ProblemDescription = Guard.Text(description, "A description of the problem", 2000);
        ProblemReported = true;
        Version++;
    }

    public void ResolveProblem()
    {
        Guard.That(ProblemReported, "No problem has been reported on this order.");
        ProblemReported = false;
        Version++;
    }

    private void RequireMethod(FulfilmentMethod method, string action) =>
        Guard.That(Method == method, $"This order is for {Describe(Method)}, so it cannot be {action}.");

    private static string Describe(FulfilmentMethod method) => method switch
    {
        FulfilmentMethod.Shipping => "shipping",
        FulfilmentMethod.Pickup => "pickup",
        _ => "local delivery",
    };

    private void MoveTo(OrderStatus to, string? byUserId, string? note, TimeProvider clock)
    {
        _statusHistory.Add(new OrderStatusChange(Status, to, clock.GetUtcNow().UtcDateTime, byUserId, note));
        Status = to;
        Version++;
    }
}
