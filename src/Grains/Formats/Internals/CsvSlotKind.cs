namespace Rtl.Grains.Formats.Internals;

/// <summary>How a part of a mapped delimited file parses and stores one column's cells.</summary>
internal enum CsvSlotKind : byte
{
    /// <summary>Inferred, every value so far an integer: the slots hold longs.</summary>
    InferredInteger,

    /// <summary>Inferred, some value not an integer: the slots hold doubles.</summary>
    InferredFloat,

    /// <summary>An <c>&lt;i8</c> column of the schema.</summary>
    Int64,

    /// <summary>An <c>&lt;f8</c> column of the schema.</summary>
    Double,

    /// <summary>Another type of the schema, parsed from decoded text.</summary>
    Other,
}
