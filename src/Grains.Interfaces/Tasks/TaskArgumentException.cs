namespace Rtl.Tasks;

/// <summary>
/// A task's arguments do not fit the task or the table. <see cref="Argument"/> is the path inside the
/// task's arguments (<c>operations[0].b</c>); the pipeline adds the stage and task in front.
/// </summary>
/// <remarks>Serializable with its <see cref="Argument"/>, so it crosses from a silo to a client intact.</remarks>
[GenerateSerializer]
public class TaskArgumentException(string argument, string message) : Exception(message)
{
    [Id(0)]
    public string Argument { get; } = argument;

    /// <summary>The message with the argument path in front, e.g. <c>operations[0].b: column 'x' not found</c>.</summary>
    public string Located => string.IsNullOrEmpty(Argument) ? Message : $"{Argument}: {Message}";
}
