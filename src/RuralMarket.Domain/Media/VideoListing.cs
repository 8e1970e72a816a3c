using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Media;

public sealed class VideoListing : IModeratedListing
{
    public const int MaxTags = 20;

    private readonly List<VideoRendition> _renditions = [];
    private readonly List<VideoProductTag> _productTags = [];

    private VideoListing()
    {
        Title = null!;
        Description = null!;
    }

    public Guid Id { get; private set; }

    public Guid SellerId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public VideoStatus Status { get; private set; }

    public string? FailureReason { get; private set; }

    public ModerationState Moderation { get; private set; }

    public string? HiddenReason { get; private set; }

    public AppealStatus Appeal { get; private set; }

    /// <summary>What the seller says they changed, when they asked for a review of the takedown.</summary>
    public string? AppealNote { get; private set; }

    public DateTime? AppealedAt { get; private set; }

    public bool Published { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public long SizeBytes { get; private set; }

    public string? Sha256 { get; private set; }

    public double DurationSeconds { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public string? VideoCodec { get; private set; }

    public string? AudioCodec { get; private set; }

    public IReadOnlyList<VideoRendition> Renditions => _renditions;

    public string? MasterPlaylistKey { get; private set; }

    public string? Mp4FallbackKey { get; private set; }

    public string? PosterKey { get; private set; }

    /// <summary>The seller's original upload in media storage; kept until the transcoded outputs are stored.</summary>
    public string? SourceKey { get; private set; }

    /// <summary>WebVTT captions, when the seller has added them.</summary>
    public string? CaptionsKey { get; private set; }

    public IReadOnlyList<VideoProductTag> ProductTags => _productTags;

    public long Plays { get; private set; }

    public long Completions { get; private set; }

    public long TagClicks { get; private set; }

    public long AddToCarts { get; private set; }

    public long AttributedOrders { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsVisibleInStorefront => Status == VideoStatus.Ready && Published && Moderation == ModerationState.Visible;

    public bool CanStartProcessing => Status is VideoStatus.Uploading or VideoStatus.Failed;

    public bool CanPublish => Status == VideoStatus.Ready && !Published;

    public bool CanTagProducts => DurationSeconds > 0;

    public bool CanAppeal => Appeals.CanAppeal(Moderation, Appeal);

    public static VideoListing Create(Guid sellerId, string title, string? description, TimeProvider clock)
    {
        var video = new VideoListing
        {
            Id = Guid.CreateVersion7(),
            SellerId = sellerId,
            Status = VideoStatus.Uploading,
            Moderation = ModerationState.Visible,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        video.UpdateDetails(title, description);
        video.Version = 1;
        return video;
    }

    public void UpdateDetails(string title, string? description)
    {
        Title = Guard.Text(title, "A title", 120);
        Description = Guard.OptionalText(description, "A description", 2000) ?? "";
        Version++;
    }

    /// <summary>Starts (or, after a failure, retries) transcoding with the facts probed from the upload.</summary>
    public void StartProcessing(VideoSourceFacts source)
    {
        Guard.That(CanStartProcessing, Status == VideoStatus.Processing
            ? "This video is already being processed."
            : "This video has already been processed.");
        SizeBytes = source.SizeBytes;
        Sha256 = source.Sha256;
        DurationSeconds = source.DurationSeconds;
        Width = source.Width;
        Height = source.Height;
        VideoCodec = source.VideoCodec;
        AudioCodec = source.AudioCodec;
        FailureReason = null;
        Status = VideoStatus.Processing;
        Version++;
    }

    public void MarkReady(
        IReadOnlyList<VideoRendition> renditions,
        string masterPlaylistKey,
        string mp4FallbackKey,
        string posterKey)
    {
        Guard.That(Status == VideoStatus.Processing, "Only a video being processed can become ready.");
        Guard.That(renditions.Count > 0, "A ready video needs at least one rendition.");
        Guard.That(
            renditions.Select(r => r.Height).Distinct().Count() == renditions.Count,
            "Each rendition of a video must have its own height.");
        _renditions.Clear();
        _renditions.AddRange(renditions);
        MasterPlaylistKey = Guard.Text(masterPlaylistKey, "A master playlist key", 400);
        Mp4FallbackKey = Guard.Text(mp4FallbackKey, "An MP4 fallback key", 400);
        PosterKey = Guard.Text(posterKey, "A poster key", 400);
        Status = VideoStatus.Ready;
        Version++;
    }

    /// <summary>The upload could not be used or the transcode broke; the reason is shown to the seller.</summary>
    public void MarkFailed(string reason)
    {
        Guard.That(Status is VideoStatus.Uploading or VideoStatus.Processing, Status == VideoStatus.Failed
            ? "This video has already failed."
            : "A ready video cannot fail.");
        FailureReason = Guard.Text(reason, "A failure reason", 1000);
        Status = VideoStatus.Failed;
        Version++;
    }

    /// <summary>Where the original upload was stored (before probing, or again after a retry).</summary>
    public void AttachSource(string sourceKey)
    {
        SourceKey = Guard.Text(sourceKey, "A source key", 400);
        Version++;
    }

    /// <summary>The original is no longer kept (the outputs are stored, or the upload was discarded).</summary>
    public void ForgetSource()
    {
        SourceKey = null;
        Version++;
    }

    public void SetCaptions(string? captionsKey)
    {
        CaptionsKey = Guard.OptionalText(captionsKey, "A captions key", 400);
        Version++;
    }

    public void Publish(TimeProvider clock)
    {
        Guard.That(CanPublish, Published ? "This video is already published." : "Only ready videos can be published.");
        Published = true;
        PublishedAt ??= clock.GetUtcNow().UtcDateTime;
        Version++;
    }

    public void Unpublish()
    {
        Guard.That(Published, "This video is not published.");
        Published = false;
        Version++;
    }

    public void Hide(string reason)
    {
        Guard.That(Moderation == ModerationState.Visible, "This video is already hidden.");
        HiddenReason = Guard.Text(reason, "A reason for hiding the video", 500);
        Moderation = ModerationState.Hidden;
        ClearAppeal();
        Version++;
    }

    public void Restore()
    {
        Guard.That(Moderation == ModerationState.Hidden, "This video is not hidden.");
        HiddenReason = null;
        Moderation = ModerationState.Visible;
        ClearAppeal();
        Version++;
    }

    /// <summary>The seller asks a moderator to look again, once per takedown, after fixing the video's details.</summary>
    public void AppealTakedown(string? note, TimeProvider clock)
    {
        AppealNote = Appeals.CheckAppeal(Moderation, Appeal, note, "video");
        Appeal = AppealStatus.Pending;
        AppealedAt = clock.GetUtcNow().UtcDateTime;
        Version++;
    }

    /// <summary>A moderator keeps the video hidden after the appeal; the new reason is what the seller reads.</summary>
    public void RefuseAppeal(string? reason)
    {
        HiddenReason = Appeals.CheckRefusal(Appeal, reason, "video");
        Appeal = AppealStatus.Refused;
        Version++;
    }

    // A video keeps no UpdatedAt, so its moderation moves need no clock.
    void IModeratedListing.Hide(string reason, TimeProvider clock) => Hide(reason);

    void IModeratedListing.Restore(TimeProvider clock) => Restore();

    void IModeratedListing.RefuseAppeal(string? reason, TimeProvider clock) => RefuseAppeal(reason);

    private void ClearAppeal()
    {
        Appeal = AppealStatus.None;
        AppealNote = null;
        AppealedAt = null;
    }

    public VideoProductTag Tag(Guid productId, int startSecond, int? endSecond)
    {
        Guard.That(_productTags.Count < MaxTags, $"A video can tag at most {MaxTags} products.");
        Guard.That(
            !_productTags.Exists(t => t.ProductId == productId && t.StartSecond == startSecond),
            "That product is already tagged at that moment.");
        ValidateTagTimes(startSecond, endSecond);
        var tag = new VideoProductTag(productId, startSecond, endSecond);
        _productTags.Add(tag);
        Version++;
        return tag;
    }

    public void Retag(Guid tagId, int startSecond, int? endSecond)
    {
        var tag = FindTag(tagId);
        ValidateTagTimes(startSecond, endSecond);
        tag.MoveTo(startSecond, endSecond);
        Version++;
    }

    public void Untag(Guid tagId)
    {
        _productTags.Remove(FindTag(tagId));
        Version++;
    }

    // Counters change on every view, so they leave Version alone: a seller editing the title must not
    // lose to a viewer pressing play. Infrastructure should increment them with a single UPDATE.
    public void RecordPlay() => Plays++;

    public void RecordCompletion() => Completions++;

    public void RecordTagClick() => TagClicks++;

    public void RecordAddToCart() => AddToCarts++;

    public void RecordAttributedOrder() => AttributedOrders++;

    private void ValidateTagTimes(int startSecond, int? endSecond)
    {
        Guard.That(CanTagProducts, "Products can be tagged once the video's length is known.");
        var lastSecond = (int)Math.Ceiling(DurationSeconds);
        Guard.That(startSecond >= 0 && startSecond < DurationSeconds, $"A tag must start between 0 and {lastSecond} seconds.");
        Guard.That(
            endSecond is null || (endSecond > startSecond && endSecond <= lastSecond),
            $"A tag must end after it starts and no later than {lastSecond} seconds.");
    }

    private VideoProductTag FindTag(Guid tagId) =>
        _productTags.Find(t => t.Id == tagId) ?? throw new DomainException("That product tag is no longer on this video.");
}
