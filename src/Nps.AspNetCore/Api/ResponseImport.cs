using Nps.Data;
using Nps.Intake;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>
/// Reads responses from CSV or JSON Lines with Nps.Data's <see cref="SurveyResponseReader"/> in skipping mode, one
/// record at a time from the stream (nothing is buffered beyond the reader's window), and submits each valid record
/// through the <see cref="ResponseIntake"/>, the same call as <c>POST /api/responses</c>. Every record gets an
/// outcome: an unexpected store failure marks that record <c>failed</c> and the import goes on. The answer holds
/// the totals and the rejected records only, capped. Used by <c>POST /api/responses/import</c> and by the seed file.
/// </summary>
public static class ResponseImport
{
    /// <summary>How many rejected records an answer lists by default; the rest are only counted.</summary>
    public const int DefaultMaxRejectedRows = 100;

    /// <summary>The outcome of a record the store failed on unexpectedly.</summary>
    public const string FailedOutcome = "failed";

    /// <summary>Imports every record of <paramref name="data"/> (which it disposes).</summary>
    /// <param name="data">The body or file, read sequentially (it need not seek).</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="intake">The intake.</param>
    /// <param name="clock">The clock "in the future" is measured against.</param>
    /// <param name="cancellationToken">Cancels between records.</param>
    /// <param name="maxRejectedRows">How many rejected records the answer lists (the rest are counted).</param>
    /// <param name="logger">Where an unexpected store failure is logged (its record is marked <c>failed</c>).</param>
    /// <returns>The totals and the first rejected records, or the error that keeps the data from being read at all (an empty body, a bad header).</returns>
    public static Task<(ResponseImportDocument? Document, DataError? Error)> ImportAsync(
        Stream data, DataFormat format, ResponseIntake intake, TimeProvider clock, CancellationToken cancellationToken,
        int maxRejectedRows = DefaultMaxRejectedRows, ILogger? logger = null) =>
        ImportAsync(data, format, intake, clock, historical: false, cancellationToken, maxRejectedRows, logger);

    /// <summary>Imports every record of <paramref name="data"/> (which it disposes), declared historical or not.</summary>
    /// <param name="data">The body or file, read sequentially (it need not seek).</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="intake">The intake.</param>
    /// <param name="clock">The clock "in the future" is measured against.</param>
    /// <param name="historical">
    /// Whether the data declares itself historical (it predates invitations): its responses are stored
    /// <see cref="ResponseProvenance.Historical"/> and count as solicited ones; otherwise each is bound to its invitation
    /// or stored unsolicited.
    /// </param>
    /// <param name="cancellationToken">Cancels between records.</param>
    /// <param name="maxRejectedRows">How many rejected records the answer lists (the rest are counted).</param>
    /// <param name="logger">Where an unexpected store failure is logged (its record is marked <c>failed</c>).</param>
    /// <returns>The totals and the first rejected records, or the error that keeps the data from being read at all (an empty body, a bad header).</returns>
    public static async Task<(ResponseImportDocument? Document, DataError? Error)> ImportAsync(
        Stream data, DataFormat format, ResponseIntake intake, TimeProvider clock, bool historical, CancellationToken cancellationToken,
        int maxRejectedRows = DefaultMaxRejectedRows, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRejectedRows);
        var options = new DataReaderOptions { SkipInvalid = true, Clock = clock };
        if (!SurveyResponseReader.TryOpen(data, format, options, out var reader, out var openError)) return (null, openError);
        using (reader)
        {
            var rejected = new List<ResponseImportRowDocument>();
            long created = 0, alreadyStored = 0, conflicts = 0, invalid = 0, failed = 0, notListed = 0;
            void Reject(ResponseImportRowDocument row)
            {
                if (rejected.Count < maxRejectedRows) rejected.Add(row);
                else notListed++;
            }

            while (reader!.Read(out var response, out var readError))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (response is null)
                {
                    invalid++;
                    var error = readError!.Value;
                    Reject(new(reader.Line, null, Outcome(ResponseIntakeOutcome.Invalid), [new(error.Field, error.Reason)]));
                    continue;
                }

                ResponseIntakeResult result;
                try
                {
                    result = await intake.SubmitAsync(response, historical, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // One record's failure (a store error the field rules did not foresee) must not end the import half
                    // applied without outcomes: the record is reported, the rest still go through.
                    failed++;
                    if (logger is not null) LogFailed(logger, reader.Line, exception);
                    Reject(new(reader.Line, response.ResponseId, FailedOutcome,
                        [new(null, "the store failed on this record; it was not stored (the service's log has the cause).")]));
                    continue;
                }

                switch (result.Outcome)
                {
                    case ResponseIntakeOutcome.Created: created++; break;
                    case ResponseIntakeOutcome.AlreadyStored: alreadyStored++; break;
                    case ResponseIntakeOutcome.Conflict: conflicts++; break;
                    default: invalid++; break;
                }
                if (result.Outcome is ResponseIntakeOutcome.Created or ResponseIntakeOutcome.AlreadyStored) continue;
                Reject(new(reader.Line, response.ResponseId, Outcome(result.Outcome),
                    [.. result.Errors.Select(e => new ResponseImportErrorDocument(e.Field, e.Reason))]));
            }

            if (reader.EmptyFile is { } empty) return (null, empty);
            var totals = new ResponseImportTotalsDocument(reader.Records, created, alreadyStored, conflicts, invalid, failed);
            return (new ResponseImportDocument(totals, rejected, notListed), null);
        }
    }

    private static string Outcome(ResponseIntakeOutcome outcome) => WireNames.Format(outcome);

    private static readonly Action<ILogger, long, Exception?> LogFailed = LoggerMessage.Define<long>(
        LogLevel.Error, new EventId(1, "ImportRecordFailed"), "Import: the store failed on the record at line {Line}; it was not stored, the import went on.");
}
