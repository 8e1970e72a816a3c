namespace RuralMarket.Web.Features.Cart;

public enum CartOutcomeKind
{
    Done,

    /// <summary>Nothing was written; the message says why.</summary>
    Refused,

    /// <summary>The product does not exist or is not for sale (the storefront does not show it either).</summary>
    NotFound,
}

/// <summary>What a cart command did, in words for the buyer. <see cref="ProductUrl"/> is the page to go back to, when known.</summary>
public sealed record CartOutcome(CartOutcomeKind Kind, string Message, string? ProductUrl = null)
{
    public static CartOutcome NotFound { get; } = new(CartOutcomeKind.NotFound, "We couldn't find that product.");

    public bool Succeeded => Kind == CartOutcomeKind.Done;

    public static CartOutcome Done(string message, string? productUrl = null) => new(CartOutcomeKind.Done, message, productUrl);

    public static CartOutcome Refused(string message, string? productUrl = null) => new(CartOutcomeKind.Refused, message, productUrl);
}
