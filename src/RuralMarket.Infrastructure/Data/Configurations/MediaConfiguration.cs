using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;

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
        video.Property(v => v.VideoCodec).HasMaxLength(40);
        video.Property(v => v.AudioCodec).HasMaxLength(40);
        video.Property(v => v.MasterPlaylistKey).HasMaxLength(400);
        video.Property(v => v.Mp4FallbackKey).HasMaxLength(400);
        video.Property(v => v.PosterKey).HasMaxLength(400);
        video.Property(v => v.CaptionsKey).HasMaxLength(400);
        video.Property(v => v.Version).IsConcurrencyToken();
        video.HasIndex(v => new { v.SellerId, v.CreatedAt });
        video.HasIndex(v => new { v.Status, v.Published, v.Moderation, v.PublishedAt });

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
            tag.HasIndex(t => t.ProductId);
        });
        video.Navigation(v => v.ProductTags).HasField("_productTags");
    }
}
