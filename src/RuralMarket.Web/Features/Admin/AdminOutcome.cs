namespace RuralMarket.Web.Features.Admin;

public enum AdminOutcomeKind
{
    Done,
    NotFound,
    Refused,
}

/// <summary>What an admin action did, in words for the admin: done (flash), not found (404) or refused (form error).</summary>
public sealed record AdminOutcome(AdminOutcomeKind Kind, string Message)
{
    public static readonly AdminOutcome NotFound = new(AdminOutcomeKind.NotFound, "Not found.");

    public static AdminOutcome Done(string message) => new(AdminOutcomeKind.Done, message);

    public static AdminOutcome Refused(string message) => new(AdminOutcomeKind.Refused, message);

    public const string ChangedMeanwhile = "Someone changed this at the same moment. Nothing was saved: look again and decide.";
}
