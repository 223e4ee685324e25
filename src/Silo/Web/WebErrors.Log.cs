
namespace Rtl.Silo.Web;

public static partial class WebErrors
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{Request} failed; answered {Status}")]
    private static partial void RequestFailed(ILogger logger, Exception error, string request, int status);
}
