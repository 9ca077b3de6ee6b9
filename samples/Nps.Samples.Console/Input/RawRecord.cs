namespace Nps.Samples.Console.Input;

/// <summary>
/// One record as read from a file, before any meaning is given to its values: the values line up with the
/// reader's <see cref="IRecordReader.Columns"/>; a <see langword="null"/> value means the cell was absent.
/// </summary>
/// <param name="Line">The 1-based physical line the record starts on (a quoted newline makes a record span lines).</param>
/// <param name="Values">The cell values; shorter than the column list when later columns were absent.</param>
/// <param name="Error">A structural problem (bad quoting, wrong field count, invalid JSON), or <see langword="null"/>.</param>
public readonly record struct RawRecord(long Line, string?[] Values, InputError? Error)
{
    /// <summary>The value at <paramref name="index"/>, or <see langword="null"/> when absent.</summary>
    public string? this[int index] => index >= 0 && index < Values.Length ? Values[index] : null;
}
