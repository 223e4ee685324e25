namespace Rtl.Tasks;

/// <summary>
/// A task's arguments do not fit the task or the table. <see cref="Argument"/> is the path inside the
/// task's arguments (<c>operations[0].b</c>); the pipeline adds the stage and task in front.
/// </summary>
/// <remarks>It crosses from a silo to a client with its <see cref="Argument"/> (the wire form is in Rtl.Grains.Interfaces).</remarks>
public class TaskArgumentException(string argument, string message) : Exception(message)
{
    public string Argument { get; } = argument;

    /// <summary>The message with the argument path in front, e.g. <c>operations[0].b: column 'x' not found</c>.</summary>
    public string Located => string.IsNullOrEmpty(Argument) ? Message : $"{Argument}: {Message}";
}
