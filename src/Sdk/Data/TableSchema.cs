namespace Rtl.Data;

public sealed record ColumnSchema(string Name, DType Type)
{
    public override string ToString() => $"('{Name}', '{Type.Code()}')";
}

/// <summary>Column names and types without the data: what validation reasons about before a job runs.</summary>
public sealed class TableSchema
{
    private readonly ColumnSchema[] columns;

    public TableSchema(IEnumerable<ColumnSchema> columns) => this.columns = [.. columns];

    public static TableSchema Empty { get; } = new([]);

    public IReadOnlyList<ColumnSchema> Columns => columns;

    public IEnumerable<string> Names => columns.Select(c => c.Name);

    public bool Contains(string name) => columns.Any(c => c.Name == name);

    public DType? TypeOf(string name) => columns.FirstOrDefault(c => c.Name == name)?.Type;

    public TableSchema With(string name, DType type) =>
        Contains(name)
            ? new(columns.Select(c => c.Name == name ? new ColumnSchema(name, type) : c))
            : new([.. columns, new ColumnSchema(name, type)]);

    /// <summary>Numpy's way of printing a dtype: <c>[('a', '&lt;i8'), ('b', '&lt;f8')]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", columns.Select(c => c.ToString())) + "]";
}
