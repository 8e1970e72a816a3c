using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;

namespace RuralMarket.Domain.Tests.Sellers;

internal static class Fulfilment
{
    public static FulfilmentOptions Options(
        bool pickup = true,
        bool localDelivery = true,
        int radiusKm = 15,
        long localFeeCents = 300,
        bool shipping = true,
        long shippingCents = 650,
        long freeOverCents = 5000,
        string currency = "USD") =>
        new(
            pickup,
            pickup ? "Farm shop, Hilltop Lane" : null,
            "Sat 9-12",
            "Ring the bell",
            localDelivery,
            radiusKm,
            new Money(localFeeCents, currency),
            shipping,
            new Money(shippingCents, currency),
            new Money(freeOverCents, currency));
}
