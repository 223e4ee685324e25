using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Rtl.Silo.Web;

/// <summary>
/// Storage failures by what a client can do about them: 507 when the disk or the database is full (free space),
/// 503 when storage cannot be written for now (a read-only file system, no permission, the database unreachable or
/// refusing writes). Found anywhere in the exception's chain, since grain calls and stores wrap what they hit.
/// </summary>
public static class StorageFaults
{
    // errno values (Linux), which .NET gives as the HResult of the IOException it raises for them.
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;

    // SQLite result codes; PostgreSQL's SQLSTATE 53100 (disk full), class 53 (insufficient resources), 25006 (read-only).
    private const int SqliteFull = 13;

    public static int? StatusOf(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (Classify(e) is { } status)
            {
                return status;
            }
        }

        return null;
    }

    private static int? Classify(Exception e) => e switch
    {
        IOException io when io.HResult is NoSpace or QuotaExceeded => StatusCodes.Status507InsufficientStorage,
        IOException io when io.HResult == ReadOnlyFileSystem => StatusCodes.Status503ServiceUnavailable,
        UnauthorizedAccessException => StatusCodes.Status503ServiceUnavailable,
        SqliteException { SqliteErrorCode: SqliteFull } => StatusCodes.Status507InsufficientStorage,
        DbException { SqlState: "53100" } => StatusCodes.Status507InsufficientStorage,
        DbException => StatusCodes.Status503ServiceUnavailable,
        _ => null,
    };
}
