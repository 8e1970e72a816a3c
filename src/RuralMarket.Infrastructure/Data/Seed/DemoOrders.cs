using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Domain.Sellers;

namespace RuralMarket.Infrastructure.Data.Seed;

/// <summary>
/// A few orders from the demo buyer to the demo seller, one at each step a seller acts on, so the seller
/// dashboard, the buyer's orders and the payouts page show real work on a fresh run. Built through the
/// domain the same way checkout and fulfilment build them; the payout of the finished one is marked as a
/// test payout (no money moved).
/// </summary>
internal static class DemoOrders
{
    public static async Task AddAsync(RuralMarketDbContext db, Seller seller, IReadOnlyList<Product> products, string buyerUserId, string buyerEmail, TimeProvider clock, CancellationToken cancellationToken)
    {
        var forSale = products.Where(p => p.Stock > 0).Take(4).ToList();
        if (forSale.Count == 0)
        {
            return;
        }

        var stages = Enum.GetValues<Stage>();
        var firstNumber = await db.TakeAsync(Counter.OrderNumber, stages.Length, cancellationToken);
        for (var i = 0; i < stages.Length; i++)
        {
            var product = forSale[i % forSale.Count];
            var method = PickMethod(seller.Fulfilment, product.AllowedFulfilment);
            product.AdjustStock(-1, clock);
            var lines = new[] { new OrderLine(product.Id, product.Title, product.Price, 1) };
            var subtotal = lines[0].LineTotal;
            var delivery = method == FulfilmentMethod.Pickup
                ? new DeliveryDetails("Demo Buyer", PickupNote: "I'll come by on Saturday morning.")
                : new DeliveryDetails("Demo Buyer", "4 Mill Road", null, "Brattleboro", "VT", "05301", "US", "802-555-0100");
            var fee = seller.Fulfilment.DeliveryFeeFor(method, subtotal);
            var checkout = Checkout.Start(buyerUserId, buyerEmail, subtotal + fee, "test", TimeSpan.FromMinutes(30), clock);
            checkout.MarkPaid(clock);
            var order = Order.Create(checkout.Id, seller.Id, buyerUserId, firstNumber + i, lines, method, delivery, fee, seller.CommissionBasisPoints, clock);
            order.MarkPaid(clock);
            var payout = Payout.ForOrder(order, clock);
            MoveTo(order, stages[i], seller.OwnerUserId, clock);
            if (order.Status == OrderStatus.Completed)
            {
                payout.MarkReleasable(clock.GetUtcNow().UtcDateTime);
                payout.MarkPaid($"test_tr_demo_{order.Number}", isTest: true, clock);
            }

            db.Checkouts.Add(checkout);
            db.Orders.Add(order);
            db.Payouts.Add(payout);
        }
    }

    private enum Stage
    {
        Paid,
        Preparing,
        WithTheBuyerSoon,
        Completed,
    }

    private static void MoveTo(Order order, Stage stage, string sellerUserId, TimeProvider clock)
    {
        if (stage == Stage.Paid)
        {
            return;
        }

        order.StartPreparing(sellerUserId, clock);
        if (stage == Stage.Preparing)
        {
            return;
        }

        var completed = stage == Stage.Completed;
        switch (order.Method)
        {
            case FulfilmentMethod.Pickup:
                order.MarkReadyForPickup(sellerUserId, clock);
                if (completed)
                {
                    order.ConfirmPickup(order.PickupCode!, sellerUserId, clock);
                }

                break;
            case FulfilmentMethod.Shipping:
                order.MarkShipped("USPS", "9400 1000 0000 0000 0000 00", sellerUserId, clock);
                if (completed)
                {
                    order.MarkDelivered(sellerUserId, clock);
                }

                break;
            default:
                order.MarkOutForDelivery(sellerUserId, clock);
                if (completed)
                {
                    order.MarkDelivered(sellerUserId, clock);
                }

                break;
        }

        if (completed)
        {
            order.Complete(order.BuyerUserId, clock);
        }
    }

    private static FulfilmentMethod PickMethod(FulfilmentOptions offered, FulfilmentMethod allowed) =>
        new[] { FulfilmentMethod.Pickup, FulfilmentMethod.Shipping, FulfilmentMethod.LocalDelivery }
            .FirstOrDefault(m => offered.Offers(m) && (allowed & m) == m, FulfilmentMethod.Pickup);
}
