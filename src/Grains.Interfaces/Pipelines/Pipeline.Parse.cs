using System.Globalization;
using System.Text.Json;

namespace Rtl.Pipelines;

public sealed partial record Pipeline
{
    /// <summary>
    /// Reads either JSON shape: the seed's dict of stages with a dict of tasks
    /// (<c>{"0": {"tasks": {"task_add": {...}}}}</c>) or the list shape
    /// (<c>{"stages": [{"tasks": [{"task": "add", ...}]}]}</c>). Errors name the stage and task; a syntax error
    /// names its line and column, and <paramref name="file"/> when the JSON came from one.
    /// </summary>
    public static Pipeline FromJson(string json, string? file = null)
    {
        PipelineLimits.CheckJson(json.Length);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new PipelineFormatException($"malformed pipeline JSON{(file is null ? "" : $" in {file}")} at {JsonErrorText.Describe(e, json)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PipelineFormatException("a pipeline must be a JSON object: {\"stages\": [...]} or {\"0\": {\"tasks\": {...}}}");
            }

            var pipeline = root.TryGetProperty("stages", out var stages) ? ReadListShape(stages) : ReadDictShape(root);
            if (pipeline.Stages.Count == 0)
            {
                throw new PipelineFormatException("the pipeline has no stages");
            }

            PipelineLimits.Check(pipeline);
            return pipeline;
        }
    }

    private static Pipeline ReadListShape(JsonElement stages)
    {
        if (stages.ValueKind != JsonValueKind.Array)
        {
            throw new PipelineFormatException("'stages' must be a list of stages");
        }

        PipelineLimits.CheckStages(stages.GetArrayLength());
        var result = new List<StageDefinition>();
        var index = 0;
        foreach (var stage in stages.EnumerateArray())
        {
            result.Add(ReadStage(stage, index++));
        }

        return new Pipeline(result.ToArray());
    }

    private static Pipeline ReadDictShape(JsonElement root)
    {
        PipelineLimits.CheckStages(root.EnumerateObject().Count());
        var keyed = new List<(long Key, JsonElement Stage)>();
        foreach (var property in root.EnumerateObject())
        {
            if (!long.TryParse(property.Name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var key))
            {
                throw new PipelineFormatException(
                    $"stage key '{property.Name}' is not a number (the dict shape numbers its stages \"0\", \"1\", …; or use {{\"stages\": [...]}})");
            }

            keyed.Add((key, property.Value));
        }

        var duplicate = keyed.GroupBy(s => s.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PipelineFormatException($"stage {duplicate.Key} appears twice");
        }

        return new Pipeline(keyed.OrderBy(s => s.Key).Select((s, i) => ReadStage(s.Stage, i)).ToArray());
    }

    private static StageDefinition ReadStage(JsonElement stage, int index)
    {
        if (stage.ValueKind != JsonValueKind.Object || !stage.TryGetProperty("tasks", out var tasks))
        {
            throw new PipelineFormatException($"stage {index}: expected an object with 'tasks'");
        }

        var calls = tasks.ValueKind switch
        {
            JsonValueKind.Object => tasks.EnumerateObject().Select(t => ReadDictTask(t, index)).ToList(),
            JsonValueKind.Array => tasks.EnumerateArray().Select((t, i) => ReadListTask(t, index, i)).ToList(),
            _ => throw new PipelineFormatException($"stage {index}: 'tasks' must be an object (task name → arguments) or a list"),
        };
        if (calls.Count == 0)
        {
            throw new PipelineFormatException($"stage {index}: no tasks");
        }

        return new StageDefinition(calls, ReadOn(stage, index));
    }

    private static string? ReadOn(JsonElement stage, int index)
    {
        if (!stage.TryGetProperty("on", out var on))
        {
            return null;
        }

        return on.ValueKind == JsonValueKind.String && on.GetString()!.Trim() is { Length: > 0 } silo
            ? silo
            : throw new PipelineFormatException($"stage {index}: \"on\" must be a silo name or address (a non-empty string), not {on.GetRawText()}");
    }

    private static TaskCall ReadDictTask(JsonProperty task, int stage)
    {
        var arguments = task.Value.ValueKind switch
        {
            JsonValueKind.Object => task.Value.GetRawText(),
            JsonValueKind.Null => "{}",
            _ => throw new PipelineFormatException($"stage {stage}, task '{task.Name}': arguments must be an object"),
        };
        return new TaskCall(task.Name, arguments);
    }

    private static TaskCall ReadListTask(JsonElement task, int stage, int position)
    {
        if (task.ValueKind != JsonValueKind.Object)
        {
            throw new PipelineFormatException($"stage {stage}, tasks[{position}]: expected an object like {{\"task\": \"add\", ...}}");
        }

        if (!task.TryGetProperty("task", out var name) || name.ValueKind != JsonValueKind.String)
        {
            throw new PipelineFormatException($"stage {stage}, tasks[{position}]: 'task' (the task's name) is missing or not a string");
        }

        var arguments = new Dictionary<string, JsonElement>();
        foreach (var property in task.EnumerateObject().Where(p => p.Name != "task"))
        {
            arguments[property.Name] = property.Value;
        }

        return new TaskCall(name.GetString()!, JsonSerializer.Serialize(arguments));
    }
}
