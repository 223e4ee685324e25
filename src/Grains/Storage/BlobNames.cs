using System.Buffers;

namespace Rtl.Grains.Storage;

/// <summary>The names of a job's blobs, and the check that keeps a name from reaching outside its job.</summary>
public static class BlobNames
{
    public const string Input = "input.npy";

    public const string Result = "result.npy";

    private const string PlotFolder = "plots/";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    /// <summary>A plot's blob: <c>plots/&lt;file name&gt;</c>.</summary>
    public static string Plot(string fileName) => PlotFolder + Path.GetFileName(fileName);

    /// <summary>
    /// Refuses anything but segments of letters, digits, '.', '_' and '-' joined by '/', none of them "." or "..".
    /// </summary>
    public static string Checked(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        foreach (var segment in name.Split('/'))
        {
            if (segment is "" or "." or ".." || segment.AsSpan().ContainsAnyExcept(Allowed))
            {
                throw new ArgumentException($"'{name}' is not a job blob name (segments of letters, digits, '.', '_', '-')", nameof(name));
            }
        }

        return name;
    }
}
