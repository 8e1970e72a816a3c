using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Infrastructure.Data.Configurations;

internal sealed class VideoListingConfiguration : IEntityTypeConfiguration<VideoListing>
{
    public void Configure(EntityTypeBuilder<VideoListing> video)
    {
        video.ToTable("Videos");
        video.HasKey(v => v.Id);
        video.Property(v => v.Id).ValueGeneratedNever();
        video.HasOne<Seller>().WithMany().HasForeignKey(v => v.SellerId).OnDelete(DeleteBehavior.Restrict);
        video.Property(v => v.Title).HasMaxLength(140);
        video.Property(v => v.Description).HasMaxLength(5000);
        video.Property(v => v.FailureReason).HasMaxLength(1000);
        video.Property(v => v.HiddenReason).HasMaxLength(1000);
        video.Property(v => v.AppealNote).HasMaxLength(Appeals.MaxNoteLength);
        video.Property(v => v.VideoCodec).HasMaxLength(40);
        video.Property(v => v.AudioCodec).HasMaxLength(40);
        video.Property(v => v.MasterPlaylistKey).HasMaxLength(400);
        video.Property(v => v.Mp4FallbackKey).HasMaxLength(400);
        video.Property(v => v.PosterKey).HasMaxLength(400);
        video.Property(v => v.CaptionsKey).HasMaxLength(400);
        video.Property(v => v.SourceKey).HasMaxLength(400);
        video.Property(v => v.Version).IsConcurrencyToken();
        video.HasIndex(v => new { v.SellerId, v.CreatedAt });
        video.HasIndex(v => new { v.Status, v.Published, v.Moderation, v.PublishedAt });
        video.HasIndex(v => new { v.Moderation, v.Appeal });

        video.OwnsMany(v => v.Renditions, rendition =>
        {
            rendition.ToTable("VideoRenditions");
            rendition.WithOwner().HasForeignKey("VideoId");
            rendition.HasKey(r => r.Id);
            rendition.Property(r => r.Id).ValueGeneratedNever();
            rendition.Property(r => r.PlaylistKey).HasMaxLength(400);
        });
        video.Navigation(v => v.Renditions).HasField("_renditions");

        video.OwnsMany(v => v.ProductTags, tag =>
        {
            tag.ToTable("VideoProductTags");
            tag.WithOwner().HasForeignKey("VideoId");
            tag.HasKey(t => t.Id);
            tag.Property(t => t.Id).ValueGeneratedNever();
            tag.HasOne<Product>().WithMany().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Cascade);
            // "A visible video tags this product" (every product card) reads the video ids from the index alone.
            tag.HasIndex("ProductId", "VideoId");
        });
        video.Navigation(v => v.ProductTags).HasField("_productTags");
    }
}

internal sealed class VideoTagClickConfiguration : IEntityTypeConfiguration<VideoTagClick>
{
    public void Configure(EntityTypeBuilder<VideoTagClick> click)
    {
        click.ToTable("VideoTagClicks");
        click.HasKey(c => c.Id);
        click.Property(c => c.Id).ValueGeneratedNever();
        click.HasOne<VideoListing>().WithMany().HasForeignKey(c => c.VideoId).OnDelete(DeleteBehavior.Cascade);
        click.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        click.Property(c => c.ViewerKey).HasMaxLength(450);
        click.HasIndex(c => new { c.ViewerKey, c.ProductId, c.ClickedAt });
        click.HasIndex(c => new { c.VideoId, c.ClickedAt });
    }
}

internal sealed class SellerFollowConfiguration : IEntityTypeConfiguration<SellerFollow>
{
    public void Configure(EntityTypeBuilder<SellerFollow> follow)
    {
        follow.ToTable("SellerFollows");
        follow.HasKey(f => new { f.UserId, f.SellerId });
        follow.Property(f => f.UserId).HasMaxLength(450);
        follow.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        follow.HasOne<Seller>().WithMany().HasForeignKey(f => f.SellerId).OnDelete(DeleteBehavior.Cascade);
        follow.HasIndex(f => f.SellerId);
    }
}
