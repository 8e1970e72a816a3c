using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Web.Features.SellerVideos;

public sealed class VideoDetailsInput
{
    [Required(ErrorMessage = "Give the video a title.")]
    [StringLength(120, ErrorMessage = "A title must be at most 120 characters.")]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [StringLength(2000, ErrorMessage = "A description must be at most 2000 characters.")]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    public int Version { get; set; }
}

public sealed class VideoTagInput
{
    [Required(ErrorMessage = "Choose the product seen in the video.")]
    [Display(Name = "Product")]
    public Guid? ProductId { get; set; }

    [Required(ErrorMessage = "Say at which second the product appears.")]
    [Range(0, 86_400, ErrorMessage = "The start must be a number of seconds from 0.")]
    [Display(Name = "Appears at (seconds)")]
    public int? StartSecond { get; set; }

    [Range(0, 86_400, ErrorMessage = "The end must be a number of seconds from 0.")]
    [Display(Name = "Until (seconds, optional)")]
    public int? EndSecond { get; set; }
}
