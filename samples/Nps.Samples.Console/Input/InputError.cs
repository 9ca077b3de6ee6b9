namespace Nps.Samples.Console.Input;

/// <summary>One problem in an input file: where it is (line, and column when known) and why.</summary>
/// <param name="Line">The 1-based physical line the record starts on.</param>
/// <param name="Column">The column (header name) the problem is in, or <see langword="null"/> for the whole row.</param>
/// <param name="Reason">What is wrong, in words a spreadsheet user understands.</param>
public readonly record struct InputError(long Line, string? Column, string Reason)
{
    /// <summary>The full message, e.g. <c>line 7, column rating: rating must be an integer from 0 to 10, got '11'</c>.</summary>
    public string Message => Column is null ? $"line {Line}: {Reason}" : $"line {Line}, column {Column}: {Reason}";

    /// <inheritdoc />
    public override string ToString() => Message;
}
