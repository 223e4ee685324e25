namespace Rtl.Silo.Cli;

/// <summary>The command line itself is wrong; printed with a hint to the verb's <c>--help</c>, exit code 2.</summary>
/// <remarks>CLI-only, but serializable like every Rtl exception so the round-trip test covers all of them.</remarks>
[GenerateSerializer]
public sealed class UsageException(string message) : Exception(message);
