using Rtl.Tasks;

namespace Rtl.Messaging;

/// <summary>
/// The wire form of a <see cref="TaskArgumentException"/>: its argument path and message, so a client receives the
/// same exception a task threw (Orleans' generic exception codec would drop the argument path).
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct TaskArgumentExceptionSurrogate([property: Id(0)] string Argument, [property: Id(1)] string Message);

[RegisterConverter]
public sealed class TaskArgumentExceptionConverter : IConverter<TaskArgumentException, TaskArgumentExceptionSurrogate>
{
    public TaskArgumentException ConvertFromSurrogate(in TaskArgumentExceptionSurrogate surrogate) =>
        new(surrogate.Argument, surrogate.Message);

    public TaskArgumentExceptionSurrogate ConvertToSurrogate(in TaskArgumentException value) => new(value.Argument, value.Message);
}
