using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;

namespace Rtl.IntegrationTests.Web;

/// <summary>Request bodies for the binary submission: <c>.npy</c> bytes written by hand (so a test can write a bad one) in a multipart form.</summary>
internal static class NpyUpload
{
    /// <summary>A version 1.0 <c>.npy</c>: the header dict padded to 64 bytes as numpy pads it, then <paramref name="data"/>.</summary>
    public static byte[] Npy(string descr, long rows, byte[] data)
    {
        var dict = $"{{'descr': {descr}, 'fortran_order': False, 'shape': ({rows},), }}";
        var length = 10 + dict.Length + 1;
        var text = dict + new string(' ', (64 - (length % 64)) % 64) + "\n";
        var bytes = new byte[10 + text.Length + data.Length];
        bytes[0] = 0x93;
        "NUMPY"u8.CopyTo(bytes.AsSpan(1));
        bytes[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)text.Length);
        Encoding.Latin1.GetBytes(text).CopyTo(bytes, 10);
        data.CopyTo(bytes, 10 + text.Length);
        return bytes;
    }

    /// <summary>Records of two <c>&lt;f8</c> fields, x = i and y = i / 2.</summary>
    public static byte[] TwoDoubles(int rows)
    {
        var data = new byte[rows * 16];
        for (var i = 0; i < rows; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i * 16), i);
            BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan((i * 16) + 8), i / 2.0);
        }

        return data;
    }

    public const string TwoDoublesDescr = "[('x', '<f8'), ('y', '<f8')]";

    public static MultipartFormDataContent Form(string? pipeline, byte[]? npy, params (string Name, string Text)[] extra)
    {
        var form = new MultipartFormDataContent();
        if (pipeline is not null)
        {
            form.Add(new StringContent(pipeline, Encoding.UTF8, "application/json"), "pipeline");
        }

        if (npy is not null)
        {
            var table = new ByteArrayContent(npy);
            table.Headers.ContentType = new MediaTypeHeaderValue("application/x-npy");
            form.Add(table, "table", "table.npy");
        }

        foreach (var (name, text) in extra)
        {
            form.Add(new StringContent(text), name);
        }

        return form;
    }
}
