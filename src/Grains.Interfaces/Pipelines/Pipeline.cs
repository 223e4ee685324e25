using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rtl.Pipelines;

/// <summary>The DSDSL: ordered stages, each an ordered list of task calls.</summary>
[GenerateSerializer, Immutable]
public sealed partial record Pipeline([property: Id(0)] IReadOnlyList<StageDefinition> Stages)
{
    /// <summary>A fluent way to write a pipeline in C#.</summary>
    public static PipelineBuilder Builder() => new();

    /// <summary>The list shape: <c>{"stages": [{"tasks": [{"task": "add", ...}]}]}</c>.</summary>
    public string ToJson(bool indented = false)
    {
        var stages = new JsonArray();
        foreach (var stage in Stages)
        {
            var tasks = new JsonArray();
            foreach (var call in stage.Tasks)
            {
                var task = new JsonObject { ["task"] = call.Name };
                if (JsonNode.Parse(call.ArgumentsJson) is JsonObject arguments)
                {
                    foreach (var (key, value) in arguments)
                    {
                        task[key] = value?.DeepClone();
                    }
                }

                tasks.Add(task);
            }

            var written = new JsonObject { ["tasks"] = tasks };
            if (stage.On is { } on)
            {
                written["on"] = on;
            }

            stages.Add(written);
        }

        return new JsonObject { ["stages"] = stages }.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
    }

    public override string ToString() => ToJson();
}
