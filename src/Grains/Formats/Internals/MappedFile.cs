using System.IO.MemoryMappedFiles;

namespace Rtl.Grains.Formats.Internals;

/// <summary>
/// A whole file mapped read-only: threads parse their parts of it in place, with no copy into buffers
/// and no second copy in memory (the pages are the system's file cache).
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? map;
    private readonly MemoryMappedViewAccessor? view;

    private MappedFile(MemoryMappedFile? map, MemoryMappedViewAccessor? view, byte* start, long length)
    {
        this.map = map;
        this.view = view;
        Start = start;
        Length = length;
    }

    /// <summary>The first byte; null for an empty file.</summary>
    public byte* Start { get; }

    public long Length { get; }

    public static MappedFile Open(string path, string expected)
    {
        using var handle = DataFile.OpenRead(path, expected);
        var length = RandomAccess.GetLength(handle);
        if (length == 0)
        {
            return new MappedFile(null, null, null, 0); // an empty file cannot be mapped
        }

        try
        {
            // The mapping outlives the handle: unmapping, not closing, releases the pages.
            var map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new MappedFile(map, view, start + view.PointerOffset, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileFormatException(path, $"cannot be read: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }

        map?.Dispose();
    }
}
