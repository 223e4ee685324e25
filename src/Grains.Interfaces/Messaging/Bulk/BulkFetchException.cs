namespace Rtl.Messaging.Bulk;

/// <summary>A table sent as a bulk channel ticket could not be fetched: the message carrying it fails with this.</summary>
[GenerateSerializer]
public sealed class BulkFetchException(string message) : IOException(message);
