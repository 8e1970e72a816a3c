using RuralMarket.Domain.Common;

namespace RuralMarket.Infrastructure.Payments.Stripe;

/// <summary>
/// The one place money crosses into Stripe's integers. Money already counts in minor units that agree with
/// Stripe's: cents for USD, whole yen for JPY (a zero-decimal currency), thousandths for KWD. No division by 100
/// anywhere: ¥1200 is sent as 1200, $12.00 as 1200.
/// </summary>
public static class StripeAmounts
{
    public static long ToStripe(Money money)
    {
        if (money.IsNegative)
        {
            throw new DomainException("Stripe amounts cannot be negative.");
        }

        // Stripe takes three-decimal currencies in thousandths but only in steps of 10.
        if (money.DecimalPlaces == 3 && money.Amount % 10 != 0)
        {
            throw new DomainException($"Stripe takes {money.Currency} amounts only to two decimal places.");
        }

        return money.Amount;
    }

    public static string Currency(Money money) => money.Currency.ToLowerInvariant();

    public static Money FromStripe(long amount, string currency) => new(amount, currency);
}
