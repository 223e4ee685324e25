namespace Rtl.Silo.Demo;

/// <summary>
/// The seed's <c>dsdsl/dev.py</c> pipeline: open the Spark metrics, keep one app's stage 22 runs of later
/// jobs under a second, derive read totals and per-task figures, squash-normalise them, take differences
/// and their averages, and draw five scatter plots coloured by output dataset.
/// </summary>
public static class DemoPipeline
{
    public const string Folder = "raw_data";
    public const string FileName = "output27Numeric";

    public const string Json = """
        {
          "0": {"tasks": {"task_open_array": {"filename": "output27Numeric", "path": "raw_data", "extension": "dat", "delimiter": ","}}},
          "1": {"tasks": {
            "task_filter": {"operations": [
              {"column": "appName", "value": 0, "method": "eq"},
              {"column": "stageName", "value": 22, "method": "eq"},
              {"column": "jobId", "value": 1500, "method": "gt"},
              {"column": "totalRunTime", "value": 1000, "method": "lt"}]},
            "task_add": {"operations": [
              {"a": "inputBytesRead", "b": "shuffleLocalBytesRead", "column": "a1"},
              {"a": "a1", "b": "shuffleRemoteBytesRead", "column": "totalReadBytes"}]},
            "task_divide": {"operations": [
              {"a": "totalRunTime", "b": "numTasks", "column": "concurrentRunTime"},
              {"a": "totalReadBytes", "b": "numTasks", "column": "concurrentReadBytes"}]},
            "task_normalize": {"model": "Squash",
              "columns": ["totalRunTime", "totalReadBytes", "concurrentRunTime", "concurrentReadBytes"], "weight": null},
            "task_subtract": {"operations": [
              {"a": "totalRunTimeNormal", "b": "totalReadBytesNormal", "column": "difference1"},
              {"a": "concurrentRunTimeNormal", "b": "concurrentReadBytesNormal", "column": "difference2"}]},
            "task_average": {"operations": [
              {"a": "difference1", "column": "alphaAvg1"},
              {"a": "difference2", "column": "alphaAvg2"}]},
            "task_simple_plot": {"plots": {
              "concurrentRunTime": [{"y": "concurrentRunTimeNormal", "x": "jobId", "type": "circle", "scale": "linear", "series": "outputDatasetRids"}],
              "concurrentReadBytes": [{"y": "concurrentReadBytesNormal", "x": "jobId", "type": "circle", "scale": "linear", "series": "outputDatasetRids"}],
              "totalRuntime - totalBytesRead": [{"y": "difference1", "x": "jobId", "type": "circle", "scale": "linear", "series": "outputDatasetRids"}],
              "totalRuntime(conc) - totalBytesRead(conc)": [{"y": "difference2", "x": "jobId", "type": "circle", "scale": "linear", "series": "outputDatasetRids"}],
              "totalRunTime distribution": [{"x": "totalRunTime", "type": "histogram", "bins": 40}]}}
          }}
        }
        """;
}
