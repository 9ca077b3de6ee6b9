namespace Nps.Samples.Console.Input;

/// <summary>A forward-only reader of records from a CSV or JSON Lines file; it never holds more than one record.</summary>
public interface IRecordReader : IDisposable
{
    /// <summary>
    /// The column names seen so far: the header of a CSV file, or every key met so far in a JSON Lines file.
    /// </summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Index of <paramref name="column"/> (case-insensitive) in <see cref="Columns"/>, or -1.</summary>
    int IndexOf(string column);

    /// <summary>The records in file order, each with its line number; structural problems travel in the record.</summary>
    IEnumerable<RawRecord> ReadRecords();
}
