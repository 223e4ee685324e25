using Microsoft.Win32.SafeHandles;

namespace Rtl.Grains.Formats.Internals;

/// <summary>Opens data files, turning the system's errors into <see cref="FileFormatException"/>s that name the file.</summary>
internal static class DataFile
{
    public static SafeFileHandle OpenRead(string path, string expected)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileFormatException(path, $"file not found (expected {expected})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileFormatException(path, $"cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>A new (or truncated) file; <paramref name="expectedLength"/> lets the file system reserve it up front.</summary>
    public static FileStream OpenWrite(string path, long expectedLength)
    {
        try
        {
            // Writers hand the stream whole chunks, so its own buffer would only add a copy.
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
                PreallocationSize = expectedLength,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileFormatException(path, $"cannot be written: {e.Message}", e);
        }
    }
}
