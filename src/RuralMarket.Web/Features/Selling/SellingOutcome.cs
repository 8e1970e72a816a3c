namespace RuralMarket.Web.Features.Selling;

public enum SellingOutcomeKind
{
    Done,

    /// <summary>Nothing was written; the message says why.</summary>
    Refused,

    /// <summary>There is no such seller (or application) for this person.</summary>
    NotFound,

    /// <summary>The person already has a shop or an application; nothing new was made.</summary>
    AlreadyApplied,
}

/// <summary>What an application or review command did, in words for the person who asked.</summary>
public sealed record SellingOutcome(SellingOutcomeKind Kind, string Message)
{
    public static SellingOutcome NotFound { get; } = new(SellingOutcomeKind.NotFound, "We couldn't find that shop.");

    public bool Succeeded => Kind == SellingOutcomeKind.Done;

    public static SellingOutcome AlreadyApplied { get; } = new(SellingOutcomeKind.AlreadyApplied, "You have already applied. Here is where your application stands.");

    public static SellingOutcome Done(string message) => new(SellingOutcomeKind.Done, message);

    public static SellingOutcome Refused(string message) => new(SellingOutcomeKind.Refused, message);
}
