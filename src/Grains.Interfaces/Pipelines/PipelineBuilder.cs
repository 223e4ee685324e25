using System.Text.Json;

namespace Rtl.Pipelines;

/// <summary>
/// Builds a <see cref="Pipeline"/> in code:
/// <c>Pipeline.Builder().Stage(s => s.Task("add", new { operations = new[] { new { a = "x", b = 1, column = "y" } } })).Build()</c>.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<StageDefinition> stages = [];

    public PipelineBuilder Stage(Action<StageBuilder> build)
    {
        var stage = new StageBuilder();
        build(stage);
        stages.Add(new StageDefinition(stage.Tasks, stage.Silo));
        return this;
    }

    public Pipeline Build() => new(stages.ToArray());

    public sealed class StageBuilder
    {
        internal List<TaskCall> Tasks { get; } = [];

        internal string? Silo { get; private set; }

        /// <summary>Runs the stage on the silo of this name, address or address:port (data on one host only).</summary>
        public StageBuilder On(string silo)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(silo);
            Silo = silo;
            return this;
        }

        /// <summary>Adds a task; <paramref name="arguments"/> is any object that serialises to the task's JSON arguments.</summary>
        public StageBuilder Task(string name, object? arguments = null)
        {
            var json = arguments switch
            {
                null => "{}",
                string text => text,
                _ => JsonSerializer.Serialize(arguments),
            };
            Tasks.Add(new TaskCall(name, json));
            return this;
        }
    }
}
