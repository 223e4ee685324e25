namespace Rtl.Grains.Formats;

/// <summary>
/// A data file is missing, unreadable or not what its format promises. The message starts with the
/// file's path (as the caller gave it) so a user can tell which of several files is wrong.
/// </summary>
/// <remarks>Serializable with its <see cref="Path"/>: a silo's file error reaches the client as itself.</remarks>
[GenerateSerializer]
public sealed class FileFormatException : Exception
{
    public FileFormatException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem}", innerException)
    {
        Path = path;
    }

    /// <summary>The file the problem is in.</summary>
    [Id(0)]
    public string Path { get; }
}
