using Rtl.Tasks;

namespace Rtl.Grains.Tasks.Internals;

/// <summary>The optional one-character <c>delimiter</c> argument of the file tasks.</summary>
internal static class Delimiter
{
    public static char Read(TaskArgs args)
    {
        var text = args.OptionalString("delimiter") ?? ",";
        return text.Length == 1 ? text[0] : throw new TaskArgumentException(args.At("delimiter"), $"expected one character, got \"{text}\"");
    }
}
