namespace Rtl.Data;

/// <summary>
/// Named, typed, immutable columns of equal length. Deriving a table (<see cref="With"/>,
/// <see cref="Without"/>) shares every untouched column with the original.
/// </summary>
public sealed partial class Table
{
    private readonly string[] names;
    private readonly Column[] columns;
    private readonly Dictionary<string, int> index;

    public static Table Empty { get; } = new([], []);

    private Table(string[] names, Column[] columns)
    {
        this.names = names;
        this.columns = columns;
        index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            index[names[i]] = i;
        }

        RowCount = columns.Length == 0 ? 0 : columns[0].Length;
    }

    /// <summary>Builds a table; names must be unique and columns of equal length.</summary>
    public static Table Create(IEnumerable<KeyValuePair<string, Column>> namedColumns)
    {
        var names = new List<string>();
        var columns = new List<Column>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, column) in namedColumns)
        {
            ArgumentNullException.ThrowIfNull(column);
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("a column name must not be empty");
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"column '{name}' appears twice");
            }

            if (columns.Count > 0 && column.Length != columns[0].Length)
            {
                throw new ArgumentException(
                    $"column '{name}' has {column.Length} rows but '{names[0]}' has {columns[0].Length}");
            }

            names.Add(name);
            columns.Add(column);
        }

        return new Table([.. names], [.. columns]);
    }

    public static Table Create(params (string Name, Column Column)[] namedColumns) =>
        Create(namedColumns.Select(c => KeyValuePair.Create(c.Name, c.Column)));

    public IReadOnlyList<string> Names => names;

    public int ColumnCount => columns.Length;

    public int RowCount { get; }

    public IReadOnlyList<Column> Columns => columns;

    public Column this[string name] =>
        TryGetColumn(name, out var column)
            ? column
            : throw new KeyNotFoundException($"column '{name}' not found (columns: {string.Join(", ", Names)})");

    public Column this[int position] => columns[position];

    public bool Contains(string name) => index.ContainsKey(name);

    public bool TryGetColumn(string name, out Column column)
    {
        if (index.TryGetValue(name, out var i))
        {
            column = columns[i];
            return true;
        }

        column = null!;
        return false;
    }

    public TableSchema Schema => new(Names.Select((n, i) => new ColumnSchema(n, columns[i].Type)));

    /// <summary>This table with <paramref name="name"/> replaced in place, or appended when new.</summary>
    public Table With(string name, Column column)
    {
        if (columns.Length > 0 && column.Length != RowCount)
        {
            throw new ArgumentException($"column '{name}' has {column.Length} rows but the table has {RowCount}");
        }

        if (index.TryGetValue(name, out var i))
        {
            var replaced = (Column[])columns.Clone();
            replaced[i] = column;
            return new Table(names, replaced);
        }

        return new Table([.. names, name], [.. columns, column]);
    }

    public Table Without(string name)
    {
        if (!index.TryGetValue(name, out var i))
        {
            return this;
        }

        return new Table([.. names[..i], .. names[(i + 1)..]], [.. columns[..i], .. columns[(i + 1)..]]);
    }

    /// <summary>Every column restricted to the given rows (each in [0, RowCount)), in that order.</summary>
    public Table Gather(ReadOnlySpan<int> rows)
    {
        CheckRows(rows);
        var gathered = new Column[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            gathered[i] = columns[i].Gather(rows);
        }

        return new Table(names, gathered);
    }

    /// <summary>
    /// The rows <c>rows[0..count)</c> (each in [0, RowCount)), in that order. No column is copied here: each
    /// is gathered when first read, so columns nobody reads again cost nothing, and a selection of a selection
    /// reads straight from the first table.
    /// </summary>
    public Table Select(int[] rows, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, rows.Length);
        CheckRows(rows.AsSpan(0, count));
        var selection = new RowSelection(rows, count);
        var composed = new Dictionary<RowSelection, RowSelection>(ReferenceEqualityComparer.Instance);
        var selected = new Column[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            selected[i] = columns[i].Select(selection, composed);
        }

        return new Table(names, selected);
    }

    /// <summary>Once per table, so the columns can gather without a bounds check per row.</summary>
    private void CheckRows(ReadOnlySpan<int> rows)
    {
        foreach (var row in rows)
        {
            if ((uint)row >= (uint)RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, $"row index outside the table's {RowCount} rows");
            }
        }
    }

    /// <summary>Rows [start, start + length) of every column.</summary>
    public Table Slice(int start, int length)
    {
        var sliced = new Column[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            sliced[i] = columns[i].Slice(start, length);
        }

        return new Table(names, sliced);
    }

    /// <summary>Total payload in bytes.</summary>
    public long ByteSize => columns.Sum(c => (long)c.Length * c.Type.Size());
}
