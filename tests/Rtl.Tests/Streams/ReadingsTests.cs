using System.Text;
using Rtl.Grains.Streams;
using Xunit;

namespace Rtl.Tests.Streams;

public sealed class ReadingsTests
{
    private static bool Add(ReadingsBuilder readings, string json) => readings.TryAdd(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("""{"t": 1}""", 1)]
    [InlineData("""[{"t": 1}, {"t": 2, "h": {"x": 1}}, {}]""", 3)]
    [InlineData("[]", 0)]
    [InlineData("not json", 1)]
    [InlineData("""[{"t": 1}, {"t": 2""", 1)]
    public void A_dropped_message_counts_its_readings_so_the_dropped_counter_is_in_rows(string json, int readings) =>
        Assert.Equal(readings, ReadingsBuilder.Count(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Objects_and_arrays_of_objects_become_rows_with_nan_for_missing_keys_and_null()
    {
        var readings = new ReadingsBuilder();
        Assert.True(Add(readings, """{"temperature": 21.5, "sensor": 3}"""));
        Assert.True(Add(readings, """[{"sensor": 4}, {"temperature": null, "humidity": 60}]"""));

        var batch = readings.Build();

        Assert.Equal(["temperature", "sensor", "humidity"], batch.Columns);
        Assert.Equal([21.5, double.NaN, double.NaN], batch.Values[0]);
        Assert.Equal([3, 4, double.NaN], batch.Values[1]);
        Assert.Equal([double.NaN, double.NaN, 60], batch.Values[2]);
        Assert.Equal(0, batch.Rejected);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"temperature": "hot"}""", "'temperature' is a string: readings are numbers only")]
    [InlineData("""[{"t": 1}, {"t": true}]""", "'t' is true/false")]
    [InlineData("""{"t": 1, "t": 2}""", "'t' twice in one reading")]
    [InlineData("42", "a reading is a JSON object of numbers, not a number")]
    public void A_bad_message_is_refused_whole_counted_and_its_error_kept(string json, string error)
    {
        var readings = new ReadingsBuilder();
        Assert.True(Add(readings, """{"t": 1}"""));

        Assert.False(Add(readings, json));
        var batch = readings.Build();

        Assert.Equal(1, batch.RowCount); // the good reading only, nothing of the refused one
        Assert.Equal(["t"], batch.Columns);
        Assert.Equal(1, batch.Rejected);
        Assert.Contains(error, batch.Error);
    }

    [Fact]
    public void A_refused_message_leaves_no_key_it_brought()
    {
        var readings = new ReadingsBuilder();
        Assert.True(Add(readings, """{"t": 1}"""));
        Assert.False(Add(readings, """[{"t": 2, "new": 5}, {"t": "x"}]"""));

        Assert.Equal(["t"], readings.Build().Columns);
    }

    [Fact]
    public void Posted_columns_lines_and_arrays_read_alike()
    {
        var columns = RowsBody.Parse("""{"columns": {"t": [1, 2], "s": [3, null]}}"""u8);
        var lines = RowsBody.Parse("{\"t\": 1, \"s\": 3}\n\n{\"t\": 2, \"s\": null}\n"u8);
        var array = RowsBody.Parse("""[{"t": 1, "s": 3}, {"t": 2}]"""u8);

        foreach (var batch in new[] { columns, lines, array })
        {
            Assert.Equal(["t", "s"], batch.Columns);
            Assert.Equal([1, 2], batch.Values[0]);
            Assert.Equal([3, double.NaN], batch.Values[1]);
        }
    }

    [Theory]
    [InlineData("""{"columns": {"t": [1, 2], "s": [3]}}""", "columns.s: 1 values, but columns.t has 2")]
    [InlineData("""{"columns": {"t": [1, "x"]}}""", "columns.t[1]: string")]
    [InlineData("{\"t\": 1}\n{\"t\": \"x\"}", "line 2: 't' is a string")]
    [InlineData("", "an empty body")]
    public void A_bad_body_says_where(string body, string error)
    {
        var e = Assert.Throws<FormatException>(() => RowsBody.Parse(Encoding.UTF8.GetBytes(body)));
        Assert.Contains(error, e.Message);
    }
}
