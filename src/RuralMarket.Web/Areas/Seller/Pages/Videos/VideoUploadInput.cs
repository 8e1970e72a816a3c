using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Web.Areas.Seller.Pages.Videos;

/// <summary>The upload form: the video's words, and (after a resumable upload finished in the browser) its upload id.</summary>
public sealed class VideoUploadInput
{
    [Required(ErrorMessage = "Give the video a title.")]
    [StringLength(120, ErrorMessage = "A title can be at most 120 characters.")]
    public string Title { get; set; } = "";

    [StringLength(2000, ErrorMessage = "A description can be at most 2000 characters.")]
    public string? Description { get; set; }

    /// <summary>Set by the page's script once tus has sent every byte; empty for a plain form upload.</summary>
    [StringLength(32)]
    public string? UploadId { get; set; }
}
