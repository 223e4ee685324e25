using System.Buffers;
using System.Text.Json;
using Rtl.Data;

namespace Rtl.Grains.Streams;

/// <summary>
/// A window's result as an MQTT sink publishes it: <c>{"stream": NAME, "window": K, "rows": R, "columns": {"c": [...]}}</c>.
/// Numbers are the shortest text that reads back to the same value; NaN and infinities, which JSON lacks, are null.
/// </summary>
public static class WindowMessage
{
    public static byte[] Write(string stream, long window, Table? result)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (int)Math.Min(int.MaxValue / 2, (result?.ByteSize ?? 0) * 3));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("stream", stream);
            json.WriteNumber("window", window);
            json.WriteNumber("rows", result?.RowCount ?? 0);
            json.WriteStartObject("columns");
            for (var c = 0; c < (result?.ColumnCount ?? 0); c++)
            {
                var column = result![c];
                json.WriteStartArray(result.Names[c]);
                for (var row = 0; row < column.Length; row++)
                {
                    WriteValue(json, column, row);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter json, Column column, int row)
    {
        switch (column)
        {
            case Column<long> longs:
                json.WriteNumberValue(longs[row]);
                break;
            case Column<int> ints:
                json.WriteNumberValue(ints[row]);
                break;
            case Column<bool> bools:
                json.WriteNumberValue(bools[row] ? 1 : 0);
                break;
            default:
                var value = column.GetDouble(row);
                if (double.IsFinite(value))
                {
                    json.WriteNumberValue(value);
                }
                else
                {
                    json.WriteNullValue();
                }

                break;
        }
    }
}
