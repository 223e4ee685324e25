namespace Rtl.Streams;

/// <summary>A stream definition that cannot run, naming the argument that is wrong.</summary>
[GenerateSerializer]
public sealed class StreamDefinitionException(string argument, string message) : Exception($"{argument}: {message}")
{
    [Id(0)] public string Argument { get; } = argument;
}
