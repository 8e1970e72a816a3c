using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;

namespace RuralMarket.Domain.Tests.Media;

public class VideoListingTests
{
    private readonly FakeTimeProvider _clock = Clocks.New();

    public enum VideoAction
    {
        StartProcessing,
        MarkReady,
        MarkFailed,
    }

    private static readonly Dictionary<(VideoStatus, VideoAction), VideoStatus> Legal = new()
    {
        [(VideoStatus.Uploading, VideoAction.StartProcessing)] = VideoStatus.Processing,
        [(VideoStatus.Uploading, VideoAction.MarkFailed)] = VideoStatus.Failed,
        [(VideoStatus.Processing, VideoAction.MarkReady)] = VideoStatus.Ready,
        [(VideoStatus.Processing, VideoAction.MarkFailed)] = VideoStatus.Failed,
        [(VideoStatus.Failed, VideoAction.StartProcessing)] = VideoStatus.Processing,
    };

    public static TheoryData<VideoStatus, VideoAction> EveryStatusAndAction()
    {
        var data = new TheoryData<VideoStatus, VideoAction>();
        foreach (var status in Enum.GetValues<VideoStatus>())
        {
            foreach (var action in Enum.GetValues<VideoAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    public static TheoryData<VideoStatus> EveryStatus() => [.. Enum.GetValues<VideoStatus>()];

    [Fact]
    public void A_new_video_is_uploading_visible_and_unpublished()
    {
        var video = NewVideo();

        video.Status.Should().Be(VideoStatus.Uploading);
        video.Moderation.Should().Be(ModerationState.Visible);
        video.Published.Should().BeFalse();
        video.IsVisibleInStorefront.Should().BeFalse();
        video.CreatedAt.Should().Be(Clocks.Start);
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Processing_moves_follow_the_pipeline(VideoStatus from, VideoAction action)
    {
        var video = VideoIn(from);
        var version = video.Version;
        var legal = Legal.TryGetValue((from, action), out var to);
        if (action == VideoAction.StartProcessing)
        {
            video.CanStartProcessing.Should().Be(legal);
        }

        var act = () => Do(video, action);

        if (legal)
        {
            act();
            video.Status.Should().Be(to);
            video.Version.Should().Be(version + 1);
        }
        else
        {
            act.Should().Throw<DomainException>();
            video.Status.Should().Be(from);
            video.Version.Should().Be(version);
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Only_ready_videos_can_be_published(VideoStatus status)
    {
        var video = VideoIn(status);
        video.CanPublish.Should().Be(status == VideoStatus.Ready);

        var publish = () => video.Publish(_clock);

        if (status == VideoStatus.Ready)
        {
            publish();
            video.Published.Should().BeTrue();
            video.PublishedAt.Should().Be(Clocks.Start);
        }
        else
        {
            publish.Should().Throw<DomainException>().WithMessage("Only ready videos can be published.");
            video.Published.Should().BeFalse();
        }
    }

    [Fact]
    public void Publishing_twice_or_unpublishing_an_unpublished_video_is_refused()
    {
        var video = VideoIn(VideoStatus.Ready);

        FluentActions.Invoking(video.Unpublish).Should().Throw<DomainException>().WithMessage("This video is not published.");
        video.Publish(_clock);
        FluentActions.Invoking(() => video.Publish(_clock)).Should().Throw<DomainException>().WithMessage("This video is already published.");

        video.Unpublish();
        video.Published.Should().BeFalse();
    }

    [Fact]
    public void Republishing_keeps_the_first_publication_time()
    {
        var video = VideoIn(VideoStatus.Ready);
        video.Publish(_clock);
        video.Unpublish();
        _clock.Advance(TimeSpan.FromDays(1));

        video.Publish(_clock);

        video.PublishedAt.Should().Be(Clocks.Start);
    }

    [Fact]
    public void A_failure_keeps_its_reason_and_a_retry_clears_it()
    {
        var video = VideoIn(VideoStatus.Processing);

        video.MarkFailed("ffmpeg exited with code 1");
        video.FailureReason.Should().Be("ffmpeg exited with code 1");

        video.StartProcessing(Facts());
        video.Status.Should().Be(VideoStatus.Processing);
        video.FailureReason.Should().BeNull();
    }

    [Fact]
    public void Processing_records_the_source_facts()
    {
        var video = NewVideo();

        video.StartProcessing(new VideoSourceFacts(12_345_678, new string('A', 64), 31.4, 1920, 1080, "h264", "aac"));

        video.Should().BeEquivalentTo(new
        {
            SizeBytes = 12_345_678L,
            Sha256 = new string('a', 64),
            DurationSeconds = 31.4,
            Width = 1920,
            Height = 1080,
            VideoCodec = "h264",
            AudioCodec = "aac",
        });
    }

    [Theory]
    [InlineData(0, 30.0, 1920, 1080, null)]
    [InlineData(1000, 0.0, 1920, 1080, null)]
    [InlineData(1000, double.NaN, 1920, 1080, null)]
    [InlineData(1000, 30.0, 0, 1080, null)]
    [InlineData(1000, 30.0, 1920, 1080, "not-a-hash")]
    public void Impossible_source_facts_are_refused(long size, double duration, int width, int height, string? sha)
    {
        var create = () => new VideoSourceFacts(size, sha, duration, width, height, "h264", null);

        create.Should().Throw<DomainException>();
    }

    [Fact]
    public void Ready_needs_renditions_of_distinct_heights()
    {
        var video = VideoIn(VideoStatus.Processing);

        FluentActions.Invoking(() => video.MarkReady([], "m.m3u8", "f.mp4", "p.jpg"))
            .Should().Throw<DomainException>().WithMessage("A ready video needs at least one rendition.");
        FluentActions.Invoking(() => video.MarkReady([new(360, 700, "a.m3u8"), new(360, 800, "b.m3u8")], "m.m3u8", "f.mp4", "p.jpg"))
            .Should().Throw<DomainException>().WithMessage("*its own height*");
        video.Status.Should().Be(VideoStatus.Processing);

        video.MarkReady(Ladder(), "v/master.m3u8", "v/fallback.mp4", "v/poster.jpg");
        video.Renditions.Select(r => r.Height).Should().Equal(240, 360, 720);
        video.MasterPlaylistKey.Should().Be("v/master.m3u8");
    }

    [Fact]
    public void A_published_visible_ready_video_shows_in_the_storefront_until_hidden()
    {
        var video = VideoIn(VideoStatus.Ready);
        video.Publish(_clock);
        video.IsVisibleInStorefront.Should().BeTrue();

        video.Hide("Shows an unsafe practice");
        video.IsVisibleInStorefront.Should().BeFalse();
        video.HiddenReason.Should().Be("Shows an unsafe practice");
        FluentActions.Invoking(() => video.Hide("Again")).Should().Throw<DomainException>();

        video.Restore();
        video.IsVisibleInStorefront.Should().BeTrue();
        video.HiddenReason.Should().BeNull();
        FluentActions.Invoking(video.Restore).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_hidden_video_can_be_appealed_once_and_a_refusal_keeps_it_hidden()
    {
        var video = VideoIn(VideoStatus.Ready);
        video.Publish(_clock);
        FluentActions.Invoking(() => video.AppealTakedown("Fixed", _clock)).Should().Throw<DomainException>().WithMessage("Only a video a moderator has hidden*");

        video.Hide("Shows an unsafe practice");
        video.AppealTakedown("Cut the part with the tractor", _clock);
        video.Appeal.Should().Be(AppealStatus.Pending);
        video.IsVisibleInStorefront.Should().BeFalse();
        FluentActions.Invoking(() => video.AppealTakedown("Again", _clock)).Should().Throw<DomainException>();

        video.RefuseAppeal("The tractor scene is still there at 0:12");
        video.Appeal.Should().Be(AppealStatus.Refused);
        video.HiddenReason.Should().Be("The tractor scene is still there at 0:12");
        FluentActions.Invoking(() => video.AppealTakedown("Please", _clock)).Should().Throw<DomainException>().WithMessage("You have already appealed once*");

        video.Restore();
        video.Appeal.Should().Be(AppealStatus.None);
        video.AppealNote.Should().BeNull();
        video.IsVisibleInStorefront.Should().BeTrue();
    }

    [Fact]
    public void Products_can_be_tagged_within_the_video_and_retagged_or_removed()
    {
        var video = VideoIn(VideoStatus.Ready);
        var eggs = Guid.NewGuid();

        var tag = video.Tag(eggs, 3, 12);
        video.Retag(tag.Id, 5, null);

        video.ProductTags.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ProductId = eggs, StartSecond = 5, EndSecond = (int?)null });

        video.Untag(tag.Id);
        video.ProductTags.Should().BeEmpty();
        FluentActions.Invoking(() => video.Untag(tag.Id)).Should().Throw<DomainException>().WithMessage("That product tag is no longer on this video.");
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(31, null)]       // the video lasts 30.2 s
    [InlineData(5, 5)]
    [InlineData(5, 4)]
    [InlineData(5, 32)]
    public void Tags_outside_the_video_are_refused(int start, int? end)
    {
        var video = VideoIn(VideoStatus.Ready);

        var tag = () => video.Tag(Guid.NewGuid(), start, end);

        tag.Should().Throw<DomainException>();
        video.ProductTags.Should().BeEmpty();
    }

    [Fact]
    public void A_tag_may_end_at_the_last_partial_second()
    {
        var video = VideoIn(VideoStatus.Ready);

        video.Tag(Guid.NewGuid(), 30, 31).EndSecond.Should().Be(31);
    }

    [Fact]
    public void A_video_of_unknown_length_cannot_be_tagged()
    {
        var video = NewVideo();

        var tag = () => video.Tag(Guid.NewGuid(), 0, null);

        tag.Should().Throw<DomainException>().WithMessage("*once the video's length is known*");
    }

    [Fact]
    public void The_same_product_at_the_same_moment_is_tagged_once_and_tags_are_limited()
    {
        var video = VideoIn(VideoStatus.Ready);
        var eggs = Guid.NewGuid();
        video.Tag(eggs, 2, null);

        FluentActions.Invoking(() => video.Tag(eggs, 2, 9)).Should().Throw<DomainException>().WithMessage("*already tagged*");
        for (var i = 1; i < VideoListing.MaxTags; i++)
        {
            video.Tag(Guid.NewGuid(), i, null);
        }

        FluentActions.Invoking(() => video.Tag(Guid.NewGuid(), 0, null)).Should().Throw<DomainException>().WithMessage("*at most 20*");
    }

    [Fact]
    public void Counters_count_without_touching_the_version()
    {
        var video = VideoIn(VideoStatus.Ready);
        var version = video.Version;

        video.RecordPlay();
        video.RecordPlay();
        video.RecordCompletion();
        video.RecordTagClick();
        video.RecordAddToCart();
        video.RecordAttributedOrder();

        (video.Plays, video.Completions, video.TagClicks, video.AddToCarts, video.AttributedOrders).Should().Be((2L, 1L, 1L, 1L, 1L));
        video.Version.Should().Be(version);
    }

    [Fact]
    public void The_original_upload_is_remembered_until_it_is_no_longer_kept()
    {
        var video = NewVideo();

        video.AttachSource("videos/abc/source.mp4");
        video.SourceKey.Should().Be("videos/abc/source.mp4");
        video.ForgetSource();
        video.SourceKey.Should().BeNull();
    }

    [Fact]
    public void Captions_can_be_added_and_removed()
    {
        var video = VideoIn(VideoStatus.Ready);

        video.SetCaptions("v/captions.vtt");
        video.CaptionsKey.Should().Be("v/captions.vtt");
        video.SetCaptions(null);
        video.CaptionsKey.Should().BeNull();
    }

    private static VideoSourceFacts Facts() => new(8_000_000, null, 30.2, 1280, 720, "h264", "aac");

    private static VideoRendition[] Ladder() =>
        [new(240, 300, "v/240.m3u8"), new(360, 700, "v/360.m3u8"), new(720, 2200, "v/720.m3u8")];

    private VideoListing NewVideo() => VideoListing.Create(Guid.NewGuid(), "Lambing season", "Spring on the farm", _clock);

    private VideoListing VideoIn(VideoStatus status)
    {
        var video = NewVideo();
        if (status == VideoStatus.Uploading)
        {
            return video;
        }

        video.StartProcessing(Facts());
        if (status == VideoStatus.Ready)
        {
            video.MarkReady(Ladder(), "v/master.m3u8", "v/fallback.mp4", "v/poster.jpg");
        }
        else if (status == VideoStatus.Failed)
        {
            video.MarkFailed("Transcode crashed");
        }

        return video;
    }

    private static void Do(VideoListing video, VideoAction action)
    {
        switch (action)
        {
            case VideoAction.StartProcessing: video.StartProcessing(Facts()); break;
            case VideoAction.MarkReady: video.MarkReady(Ladder(), "v/master.m3u8", "v/fallback.mp4", "v/poster.jpg"); break;
            case VideoAction.MarkFailed: video.MarkFailed("Broken"); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
