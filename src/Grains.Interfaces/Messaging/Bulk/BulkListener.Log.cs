using System.Net;
using Microsoft.Extensions.Logging;

namespace Rtl.Messaging.Bulk;

public sealed partial class BulkListener
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "bulk channel: accepting a connection failed")]
    private static partial void AcceptFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "bulk channel: refused {Peer}, already serving {Max} connections")]
    private static partial void TooManyConnections(ILogger logger, EndPoint? peer, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "bulk channel: refused {Peer}: its request is not a bulk channel fetch")]
    private static partial void Refused(ILogger logger, EndPoint? peer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "bulk channel: connection from {Peer} ended")]
    private static partial void ConnectionFailed(ILogger logger, EndPoint? peer, Exception error);
}
