using System.Text;

namespace Nps.Samples.Console.Input;

/// <summary>Opens the right reader for a file: JSON Lines for <c>.jsonl</c>/<c>.ndjson</c>, CSV otherwise.</summary>
public static class RecordReaders
{
    /// <summary>Strict UTF-8: an invalid byte sequence is reported, not silently replaced.</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Opens <paramref name="path"/>. Returns <see langword="false"/> with <paramref name="error"/> set when the file
    /// cannot serve as input (empty, no usable header).
    /// </summary>
    public static bool TryOpen(string path, out IRecordReader? reader, out InputError error)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        if (extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            reader = new JsonLinesRecordReader(stream);
            error = default;
            return true;
        }

        if (CsvRecordReader.TryOpen(stream, out var csv, out error))
        {
            reader = csv;
            return true;
        }

        stream.Dispose();
        reader = null;
        return false;
    }
}
