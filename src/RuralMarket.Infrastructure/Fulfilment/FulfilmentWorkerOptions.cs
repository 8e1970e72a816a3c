namespace RuralMarket.Infrastructure.Fulfilment;

/// <summary>
/// The fulfilment timers (configuration section <c>Fulfilment</c>). Every duration must be positive, and the
/// reminder must come before the automatic cancellation; the app refuses to start otherwise.
/// </summary>
public sealed class FulfilmentWorkerOptions
{
    public const string Section = "Fulfilment";

    /// <summary>A paid order not yet shipped, out for delivery or ready for pickup this long after payment: the seller gets one reminder.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>A paid order still not on its way this long after payment is cancelled and refunded.</summary>
    public TimeSpan AutoCancelAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A delivered or picked-up order completes on its own this long after it reached the buyer (short: food spoils).</summary>
    public TimeSpan AutoCompleteAfter { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// How long after completion the seller's payout may be transferred: a day in which a payment dispute or a
    /// late refund can still stop the money before it leaves the platform.
    /// </summary>
    public TimeSpan PayoutHoldPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A failed transfer is retried after this, doubling per attempt up to <see cref="ReleaseRetryMaxDelay"/>.</summary>
    public TimeSpan ReleaseRetryBaseDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ReleaseRetryMaxDelay { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often each fulfilment timer looks for work.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first failed transfer waits the base delay, each further failure twice as long, up to the maximum.</summary>
    public TimeSpan RetryDelayAfter(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 20);
        var delay = ReleaseRetryBaseDelay * Math.Pow(2, doublings);
        return delay < ReleaseRetryMaxDelay ? delay : ReleaseRetryMaxDelay;
    }

    internal IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(ReminderAfter), ReminderAfter),
            (nameof(AutoCancelAfter), AutoCancelAfter),
            (nameof(AutoCompleteAfter), AutoCompleteAfter),
            (nameof(PayoutHoldPeriod), PayoutHoldPeriod),
            (nameof(ReleaseRetryBaseDelay), ReleaseRetryBaseDelay),
            (nameof(ReleaseRetryMaxDelay), ReleaseRetryMaxDelay),
            (nameof(SweepInterval), SweepInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{name} must be a positive duration (it is {value}).";
            }
        }

        if (ReminderAfter >= AutoCancelAfter)
        {
            yield return $"{Section}:{nameof(ReminderAfter)} ({ReminderAfter}) must be shorter than {nameof(AutoCancelAfter)} ({AutoCancelAfter}): the seller is reminded before the order is cancelled.";
        }
    }
}
