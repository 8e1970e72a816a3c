namespace RuralMarket.Infrastructure.Payments;

/// <summary>
/// The payment inbox: every provider event is stored here first (unique per provider and event id), the
/// webhook answers 2xx, and a job applies it. Replays and duplicates hit the unique key and are ignored.
/// </summary>
public sealed class PaymentEvent
{
    private PaymentEvent()
    {
    }

    public Guid Id { get; private set; }

    public string Provider { get; private set; } = "";

    public string EventId { get; private set; } = "";

    public string Type { get; private set; } = "";

    /// <summary>The normalized event as JSON (what the apply job reads).</summary>
    public string Payload { get; private set; } = "";

    public DateTime ReceivedAt { get; private set; }

    public DateTime? AppliedAt { get; private set; }

    public string? Outcome { get; private set; }

    public static PaymentEvent Receive(string provider, string eventId, string type, string payload, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        Provider = provider,
        EventId = eventId,
        Type = type,
        Payload = payload,
        ReceivedAt = now,
    };

    public void MarkApplied(string outcome, DateTime now)
    {
        AppliedAt = now;
        Outcome = outcome.Length > 1000 ? outcome[..1000] : outcome;
    }
}
