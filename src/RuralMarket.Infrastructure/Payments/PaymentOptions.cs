using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Infrastructure.Payments;

public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>How long a buyer has to pay before the checkout expires and its stock is released.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00", ErrorMessage = "Payments:CheckoutTimeToPay must be between 1 minute and 2 days.")]
    public TimeSpan CheckoutTimeToPay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the expiry timer looks for unpaid checkouts.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00", ErrorMessage = "Payments:ExpirySweepInterval must be between 5 seconds and 1 hour.")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The local test provider takes no money; in Production it runs only when this is explicitly true.</summary>
    public bool AllowTestProviderInProduction { get; set; }
}
