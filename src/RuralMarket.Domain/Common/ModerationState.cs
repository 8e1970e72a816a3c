namespace RuralMarket.Domain.Common;

public enum ModerationState
{
    Visible,
    Hidden,
}

/// <summary>
/// Where the seller's one appeal against a takedown stands. A new takedown starts with <see cref="None"/>; the seller
/// fixes the listing and asks for a review once (<see cref="Pending"/>); a moderator either restores the listing or
/// keeps it hidden (<see cref="Refused"/>, and no further appeal).
/// </summary>
public enum AppealStatus
{
    None,
    Pending,
    Refused,
}

/// <summary>A product or video: what a moderator hides, restores, and decides an appeal on.</summary>
public interface IModeratedListing
{
    Guid SellerId { get; }

    string Title { get; }

    ModerationState Moderation { get; }

    string? HiddenReason { get; }

    AppealStatus Appeal { get; }

    string? AppealNote { get; }

    /// <summary>Hidden, and its one appeal not used yet.</summary>
    bool CanAppeal { get; }

    void Hide(string reason, TimeProvider clock);

    void Restore(TimeProvider clock);

    void RefuseAppeal(string? reason, TimeProvider clock);
}

/// <summary>The appeal rules products and videos share.</summary>
public static class Appeals
{
    public const int MaxNoteLength = 1000;

    public static bool CanAppeal(ModerationState moderation, AppealStatus appeal) =>
        moderation == ModerationState.Hidden && appeal == AppealStatus.None;

    /// <summary>The seller's note, checked: only a hidden listing, and only once per takedown.</summary>
    public static string CheckAppeal(ModerationState moderation, AppealStatus appeal, string? note, string thing)
    {
        Guard.That(moderation == ModerationState.Hidden, $"Only a {thing} a moderator has hidden can be appealed.");
        Guard.That(appeal != AppealStatus.Pending, "You have already asked for a review. A moderator will look at it and email you.");
        Guard.That(appeal != AppealStatus.Refused, $"You have already appealed once, and a moderator kept this {thing} hidden.");
        return Guard.Text(note, "A note for the moderator", MaxNoteLength);
    }

    /// <summary>The moderator's reason for keeping the listing hidden after the appeal; it becomes the reason the seller sees.</summary>
    public static string CheckRefusal(AppealStatus appeal, string? reason, string thing)
    {
        Guard.That(appeal == AppealStatus.Pending, $"There is no appeal waiting for this {thing}.");
        return Guard.Text(reason, "A reason for keeping it hidden", 500);
    }
}
