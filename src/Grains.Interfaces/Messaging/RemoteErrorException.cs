namespace Rtl.Messaging;

/// <summary>
/// An error raised on a silo whose own type cannot cross to the caller (a library's exception Orleans has no codec
/// for): its type name and message, so the caller still learns what went wrong instead of a codec failure.
/// </summary>
[GenerateSerializer]
public sealed class RemoteErrorException(string originalType, string message) : Exception(message)
{
    /// <summary>The full name of the exception type the silo raised.</summary>
    [Id(0)]
    public string OriginalType { get; } = originalType;
}
