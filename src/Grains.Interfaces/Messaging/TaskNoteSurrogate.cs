using Rtl.Tasks;

namespace Rtl.Messaging;

/// <summary>The wire form of a <see cref="TaskNote"/>: the SDK's types carry no Orleans attributes.</summary>
[GenerateSerializer, Immutable]
public readonly record struct TaskNoteSurrogate([property: Id(0)] string Key, [property: Id(1)] string Value);

[RegisterConverter]
public sealed class TaskNoteConverter : IConverter<TaskNote, TaskNoteSurrogate>
{
    public TaskNote ConvertFromSurrogate(in TaskNoteSurrogate surrogate) => new(surrogate.Key, surrogate.Value);

    public TaskNoteSurrogate ConvertToSurrogate(in TaskNote value) => new(value.Key, value.Value);
}
