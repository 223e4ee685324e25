using Rtl.Data;

namespace Rtl.Tasks;

/// <summary>
/// A task: a pure kernel <c>(arguments, Table) → Table</c>. Built-in tasks and plugins implement this;
/// the registry finds every implementation by itself, so adding a task is adding one class.
/// </summary>
public interface IRtlTask
{
    /// <summary>Canonical snake_case name, e.g. <c>add</c>, <c>open_array</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>rtl tasks</c>.</summary>
    string Summary { get; }

    /// <summary>The arguments the task reads, for <c>rtl tasks</c>.</summary>
    IReadOnlyList<TaskArgument> Arguments { get; }

    /// <summary>
    /// Checks the arguments against the incoming schema without touching data and returns the schema
    /// the task will produce. Throws <see cref="TaskArgumentException"/> naming the argument.
    /// </summary>
    TableSchema Plan(TaskArgs args, TableSchema input, ITaskEnvironment environment);

    /// <summary>
    /// At most how many rows the result has and how many bytes running the task allocates (its result columns
    /// and its scratch), from the arguments and the incoming table's plan, without touching data. Asked before
    /// <see cref="Plan"/>, so a task that reads to plan (<c>open</c>) is bounded before it reads. Null, the
    /// default (a plugin need not say), assumes <see cref="TaskCost.Unstated"/>: at most the incoming rows, every
    /// result column written afresh. Throws <see cref="TaskArgumentException"/> as <see cref="Plan"/> does.
    /// </summary>
    TaskCost? Cost(TaskArgs args, TablePlan input, ITaskEnvironment environment) => null;

    /// <summary>
    /// The incoming table's columns the result depends on, from the arguments alone, so that a pipeline reads only
    /// the columns it needs (a file's others are never opened). Null, the default (a plugin need not say), means any
    /// of them: nothing before the task is narrowed. Arguments it cannot read give null; <see cref="Plan"/> reports them.
    /// </summary>
    ColumnUse? Uses(TaskArgs args) => null;

    /// <summary>Runs the kernel. Must not modify <paramref name="input"/>'s columns.</summary>
    TaskOutput Run(TaskArgs args, Table input, ITaskEnvironment environment);
}

/// <summary>One argument as <c>rtl tasks</c> lists it.</summary>
public sealed record TaskArgument(string Name, string Description, bool Required = true);
