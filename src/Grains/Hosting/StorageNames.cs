namespace Rtl.Grains.Hosting;

/// <summary>The grain storage provider every Rtl grain persists to.</summary>
public static class StorageNames
{
    public const string Default = "rtl";
}
