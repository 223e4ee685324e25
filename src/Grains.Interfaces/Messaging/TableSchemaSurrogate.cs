using Rtl.Data;

namespace Rtl.Messaging;

/// <summary>The wire form of a <see cref="TableSchema"/>: the SDK's types carry no Orleans attributes.</summary>
[GenerateSerializer, Immutable]
public readonly record struct TableSchemaSurrogate([property: Id(0)] string[] Names, [property: Id(1)] DType[] Types);

[RegisterConverter]
public sealed class TableSchemaConverter : IConverter<TableSchema, TableSchemaSurrogate>
{
    public TableSchema ConvertFromSurrogate(in TableSchemaSurrogate surrogate)
    {
        var (names, types) = (surrogate.Names, surrogate.Types);
        return new(names.Select((name, i) => new ColumnSchema(name, types[i])));
    }

    public TableSchemaSurrogate ConvertToSurrogate(in TableSchema value) =>
        new([.. value.Columns.Select(c => c.Name)], [.. value.Columns.Select(c => c.Type)]);
}
