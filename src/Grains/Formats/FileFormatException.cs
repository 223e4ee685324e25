namespace Rtl.Formats;

/// <summary>
/// A data file is missing, unreadable or not what its format promises. The message starts with the
/// file's path (as the caller gave it) so a user can tell which of several files is wrong.
/// </summary>
public sealed class FileFormatException : Exception
{
    public FileFormatException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The file the problem is in.</summary>
    public string Path { get; }
}
