namespace Nps.Samples.Console.Input;

/// <summary>
/// Feeds library code that takes <see cref="IEnumerable{SurveyResponse}"/> straight from a file, one row at a
/// time. Invalid rows either end the stream (<see cref="Failure"/> is set; the caller exits with code 2) or, with
/// skipping, are reported on stderr and counted in <see cref="Rejected"/>.
/// </summary>
internal sealed class ResponseStream(IRecordReader records, TextWriter error, bool skipInvalid)
{
    /// <summary>The first invalid row, when not skipping; the results computed from the stream must be discarded.</summary>
    public InputError? Failure { get; private set; }

    /// <summary>Invalid rows skipped.</summary>
    public long Rejected { get; private set; }

    /// <summary>Rows read, valid or not.</summary>
    public long Rows { get; private set; }

    /// <summary>The valid responses, in file order; <c>responded_at</c> is required.</summary>
    public IEnumerable<SurveyResponse> Read()
    {
        foreach (var (row, problem) in new ResponseReader(records, requireTimestamp: true).Read())
        {
            Rows++;
            if (problem is { } invalid)
            {
                if (!skipInvalid)
                {
                    Failure = invalid;
                    yield break;
                }

                Rejected++;
                error.WriteLine($"skipped: {invalid.Message}");
                continue;
            }

            yield return SurveyResponses.From(row, records);
        }
    }

    /// <summary>After reading: an error for an empty JSON Lines file (a CSV file without a header fails at open).</summary>
    public InputError? EmptyFile => Rows == 0 && records.Columns.Count == 0 ? new InputError(1, null, "the file is empty") : null;
}
