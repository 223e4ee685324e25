namespace Rtl.Jobs;

/// <summary>One start of a durable job.</summary>
[GenerateSerializer, Immutable]
public sealed record JobAttempt([property: Id(0)] int Number, [property: Id(1)] string Silo, [property: Id(2)] DateTimeOffset Started);
