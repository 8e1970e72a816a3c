using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Media.Video;
using RuralMarket.Infrastructure.Media.Video.Probe;
using RuralMarket.Web.Tests.SellerProducts;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.VideoUpload;

/// <summary>Finishing an upload (after tus, or as one plain form post): ffprobe judges it, and it becomes a video or is refused.</summary>
public abstract class VideoFinishTests(VideoUploadApp app)
{
    public static TheoryData<string, string> BadFiles => new()
    {
        { "empty", VideoFileRules.Empty },
        { "text", VideoFileRules.NotAVideo },
        { "sound-only", VideoFileRules.SoundOnly },
        { "cut-off", VideoFileRules.CutOff },
    };

    [Fact]
    public async Task A_good_clip_uploaded_over_tus_becomes_a_video_being_processed_with_its_probed_facts()
    {
        var seller = await app.SellerAsync("Clip Farm");
        var clip = await TestClips.GoodAsync();
        var uploadId = await seller.Browser.UploadAsync(clip, "IMG_2041.MOV");

        using var finish = await seller.Browser.FinishAsync(uploadId, title: "  Morning on the farm ", description: "Feeding the hens at sunrise.");

        finish.StatusCode.Should().Be(HttpStatusCode.Redirect, await finish.Content.ReadAsStringAsync());
        var video = (await app.VideosOfAsync(seller.Shop.Id)).Should().ContainSingle().Subject;
        finish.Headers.Location!.ToString().Should().Be($"/Seller/Videos/{video.Id}");
        video.Title.Should().Be("Morning on the farm");
        video.Description.Should().Be("Feeding the hens at sunrise.");
        video.Status.Should().Be(VideoStatus.Processing);
        video.SizeBytes.Should().Be(clip.Length);
        video.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(clip)));
        video.DurationSeconds.Should().BeApproximately(3, 0.1);
        (video.Width, video.Height).Should().Be((320, 240));
        video.VideoCodec.Should().Be("h264");
        video.AudioCodec.Should().Be("aac");
        video.SourceKey.Should().Be(VideoKeys.Source(video.Id, ".mov"), "the file's own name said MOV; the key is chosen by the app");

        var stored = app.StoredVideoFiles().Should().ContainSingle().Which;
        stored.Should().EndWith($"videos/{video.Id:n}/source.mov");
        Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(stored))).Should().Be(video.Sha256);
        var jobs = await app.WithDbAsync(db => db.Jobs.AsNoTracking().Where(j => j.Type == TranscodeVideo.JobType).Select(j => j.Payload).ToListAsync());
        jobs.Should().ContainSingle(p => p.Contains(video.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        app.UploadFiles().Should().BeEmpty("the upload became the stored source");

        // The page this redirects to belongs to the seller video list (another feature); here it shows the flash.
        (await seller.Browser.GetPageAsync(UploadPage.Url)).QuerySelector(".flash")!.TextContent.Should().Contain("Morning on the farm");
        await app.WithDbAsync(async db =>
        {
            await db.Videos.Where(v => v.Id == video.Id).ExecuteDeleteAsync();
            return await db.Jobs.Where(j => j.Type == TranscodeVideo.JobType).ExecuteDeleteAsync();
        });
        File.Delete(stored);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_finished_over_tus_is_refused_with_the_reason_and_leaves_nothing_behind(string kind, string reason)
    {
        var seller = await app.SellerAsync("Bad Clip Farm");
        var uploadId = await seller.Browser.UploadAsync(await TestClips.BadAsync(kind));

        using var finish = await seller.Browser.FinishAsync(uploadId);

        (await finish.MessagesAsync()).Should().Be(reason);
        await NothingIsLeftBehindAsync(seller);
        using var head = await seller.Browser.HeadAsync($"{Tus.Endpoint}/{uploadId}");
        head.StatusCode.Should().Be(HttpStatusCode.NotFound, "the refused upload is deleted");
    }

    [Fact]
    public async Task A_good_clip_posted_through_the_plain_form_becomes_a_video_being_processed()
    {
        var seller = await app.SellerAsync("Form Farm");
        var clip = await TestClips.GoodAsync();

        using var response = await seller.Browser.PostFileAsync(clip, "hens.mp4", title: "Hens at dusk");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var video = (await app.VideosOfAsync(seller.Shop.Id)).Should().ContainSingle().Subject;
        video.Status.Should().Be(VideoStatus.Processing);
        video.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(clip)));
        video.SourceKey.Should().Be(VideoKeys.Source(video.Id, ".mp4"));
        app.StoredVideoFiles().Should().ContainSingle(f => f.EndsWith($"videos/{video.Id:n}/source.mp4", StringComparison.Ordinal));
        app.UploadFiles().Should().BeEmpty("the form's temporary copy is removed");
        await app.WithDbAsync(async db =>
        {
            await db.Videos.Where(v => v.Id == video.Id).ExecuteDeleteAsync();
            return await db.Jobs.Where(j => j.Type == TranscodeVideo.JobType).ExecuteDeleteAsync();
        });
        foreach (var file in app.StoredVideoFiles())
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_posted_through_the_plain_form_is_refused_with_the_reason_and_leaves_nothing_behind(string kind, string reason)
    {
        var seller = await app.SellerAsync("Bad Form Farm");

        using var response = await seller.Browser.PostFileAsync(await TestClips.BadAsync(kind));

        (await response.MessagesAsync()).Should().Be(reason);
        await NothingIsLeftBehindAsync(seller);
    }

    [Fact]
    public async Task A_file_over_the_plain_forms_cap_is_refused_unread_with_the_limit_and_the_way_round_it()
    {
        var seller = await app.SellerAsync("Heavy Form Farm");

        using var response = await seller.Browser.PostFileAsync(new byte[VideoUploadApp.MaxFormBytes + 200_000]);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await seller.Browser.FollowAsync(response);
        page.QuerySelector("#video-upload .validation-summary-errors")!.TextContent.Should()
            .Contain("This file is 1.2 MB. Without JavaScript, videos can be at most 1 MB: turn JavaScript on to upload files up to 4 MB");
        await NothingIsLeftBehindAsync(seller);
    }

    [Fact]
    public async Task A_missing_title_keeps_a_finished_upload_so_the_seller_can_save_it_again()
    {
        var seller = await app.SellerAsync("Untitled Farm");
        var uploadId = await seller.Browser.UploadAsync(await TestClips.GoodAsync());

        using var untitled = await seller.Browser.FinishAsync(uploadId, title: "");

        untitled.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await untitled.ReadPageAsync();
        page.QuerySelector("#title-error")!.TextContent.Should().Be("Give the video a title.");
        page.QuerySelector("input[name='Input.UploadId']")!.GetAttribute("value").Should().Be(uploadId);
        page.QuerySelector("input[type=file]").Should().BeNull("the file is already here; only the title is missing");
        using (var head = await seller.Browser.HeadAsync($"{Tus.Endpoint}/{uploadId}"))
        {
            head.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var saved = await seller.Browser.FinishAsync(uploadId, title: "Hens, take two");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var video = (await app.VideosOfAsync(seller.Shop.Id)).Should().ContainSingle().Subject;
        video.Title.Should().Be("Hens, take two");
        await app.WithDbAsync(async db =>
        {
            await db.Videos.Where(v => v.Id == video.Id).ExecuteDeleteAsync();
            return await db.Jobs.Where(j => j.Type == TranscodeVideo.JobType).ExecuteDeleteAsync();
        });
        foreach (var file in app.StoredVideoFiles())
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_unfinished_upload_cannot_be_saved_yet_and_is_kept()
    {
        var seller = await app.SellerAsync("Hasty Farm");
        var clip = await TestClips.GoodAsync();
        var url = await seller.Browser.CreateUploadAsync(clip.Length);
        (await seller.Browser.PatchAsync(url, 0, clip[..1000])).Dispose();

        using var finish = await seller.Browser.FinishAsync(url.Split('/')[^1]);

        (await finish.MessagesAsync()).Should().StartWith("Only 1 KB of ");
        (await app.VideosOfAsync(seller.Shop.Id)).Should().BeEmpty();
        using var head = await seller.Browser.HeadAsync(url);
        head.Offset().Should().Be(1000);
        (await seller.Browser.TerminateAsync(url)).Dispose();
    }

    private async Task NothingIsLeftBehindAsync(SignedInSeller seller)
    {
        app.UploadFiles().Should().BeEmpty();
        app.StoredVideoFiles().Should().BeEmpty();
        (await app.VideosOfAsync(seller.Shop.Id)).Should().BeEmpty();
    }
}

public sealed class SqliteVideoFinishTests(SqliteVideoUploadApp app) : VideoFinishTests(app), IClassFixture<SqliteVideoUploadApp>;

public sealed class PostgresVideoFinishTests(PostgresVideoUploadApp app) : VideoFinishTests(app), IClassFixture<PostgresVideoUploadApp>;
