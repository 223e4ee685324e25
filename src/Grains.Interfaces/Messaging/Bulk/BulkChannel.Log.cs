using System.Net;
using Microsoft.Extensions.Logging;

namespace Rtl.Messaging.Bulk;

public sealed partial class BulkChannel
{
    [LoggerMessage(Level = LogLevel.Information, Message = "bulk channel listening on {Endpoint}: tables of {MinBytes} bytes or more cross processes on it")]
    private static partial void Listening(ILogger logger, IPEndPoint endpoint, long minBytes);
}
