namespace RuralMarket.Domain.Media;

/// <summary>A product shown in the video from StartSecond until EndSecond (or the end of the video).</summary>
public sealed class VideoProductTag
{
    private VideoProductTag()
    {
    }

    internal VideoProductTag(Guid productId, int startSecond, int? endSecond)
    {
        Id = Guid.CreateVersion7();
        ProductId = productId;
        StartSecond = startSecond;
        EndSecond = endSecond;
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public int StartSecond { get; private set; }

    public int? EndSecond { get; private set; }

    internal void MoveTo(int startSecond, int? endSecond)
    {
        StartSecond = startSecond;
        EndSecond = endSecond;
    }
}
