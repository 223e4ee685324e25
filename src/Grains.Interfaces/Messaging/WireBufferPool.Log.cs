using Microsoft.Extensions.Logging;

namespace Rtl.Messaging;

public sealed partial class WireBufferPool
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "64 KB network buffers not installed (Orleans' internal pool members moved?): the transport keeps Orleans' 4 KB buffers, so large tables cost more system calls")]
    private static partial void NotInstalled(ILogger logger, Exception error);
}
