namespace RuralMarket.Domain.Common;

/// <summary>A business rule refused the request. The message is written for the person who asked.</summary>
public sealed class DomainException : Exception
{
    public DomainException()
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
