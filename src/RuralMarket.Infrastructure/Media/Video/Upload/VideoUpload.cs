namespace RuralMarket.Infrastructure.Media.Video.Upload;

/// <summary>
/// One resumable upload in progress, as its small JSON info file describes it. The bytes received so far are in a
/// data file beside it; <see cref="Offset"/> is that file's length when read from the store.
/// </summary>
public sealed record VideoUpload(
    string Id,
    Guid SellerId,
    long Length,
    long Offset,
    IReadOnlyDictionary<string, string> Metadata,
    DateTime CreatedAt,
    DateTime ExpiresAt)
{
    public bool IsComplete => Offset == Length;

    public string? FileName => Metadata.GetValueOrDefault("filename");
}

/// <summary>What happened to a PATCH.</summary>
public enum AppendOutcome
{
    /// <summary>Every byte of the body was stored.</summary>
    Appended,

    /// <summary>The client's offset is not the stored one: nothing was written.</summary>
    OffsetMismatch,

    /// <summary>Another request is writing to this upload right now: nothing was written.</summary>
    Busy,

    /// <summary>The body went past the upload's declared length: the bytes up to it were stored, the rest refused.</summary>
    PastLength,

    /// <summary>The body stopped early (the connection broke): what arrived was stored, the client resumes from there.</summary>
    Interrupted,
}

public sealed record AppendResult(AppendOutcome Outcome, long Offset, DateTime ExpiresAt);
