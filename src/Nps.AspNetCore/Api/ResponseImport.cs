using Nps.Data;
using Nps.Intake;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>
/// Reads responses from CSV or JSON Lines with Nps.Data's <see cref="SurveyResponseReader"/> in skipping mode and
/// submits each valid record through the <see cref="ResponseIntake"/>, the same call as <c>POST /api/responses</c>.
/// Used by <c>POST /api/responses/import</c> and by the seed file at start.
/// </summary>
public static class ResponseImport
{
    /// <summary>Imports every record of <paramref name="data"/> (which it disposes).</summary>
    /// <param name="data">The body or file.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="intake">The intake.</param>
    /// <param name="clock">The clock "in the future" is measured against.</param>
    /// <param name="cancellationToken">Cancels between records.</param>
    /// <returns>The per-record results, or the error that keeps the data from being read at all (an empty body, a bad header).</returns>
    public static Task<(ResponseImportDocument? Document, DataError? Error)> ImportAsync(
        Stream data, DataFormat format, ResponseIntake intake, TimeProvider clock, CancellationToken cancellationToken) =>
        ImportAsync(data, format, intake, clock, historical: false, cancellationToken);

    /// <summary>Imports every record of <paramref name="data"/> (which it disposes), declared historical or not.</summary>
    /// <param name="data">The body or file.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="intake">The intake.</param>
    /// <param name="clock">The clock "in the future" is measured against.</param>
    /// <param name="historical">
    /// Whether the data declares itself historical (it predates invitations): its responses are stored
    /// <see cref="ResponseProvenance.Historical"/> and count as solicited ones; otherwise each is bound to its invitation
    /// or stored unsolicited.
    /// </param>
    /// <param name="cancellationToken">Cancels between records.</param>
    /// <returns>The per-record results, or the error that keeps the data from being read at all (an empty body, a bad header).</returns>
    public static async Task<(ResponseImportDocument? Document, DataError? Error)> ImportAsync(
        Stream data, DataFormat format, ResponseIntake intake, TimeProvider clock, bool historical, CancellationToken cancellationToken)
    {
        var options = new DataReaderOptions { SkipInvalid = true, Clock = clock };
        if (!SurveyResponseReader.TryOpen(data, format, options, out var reader, out var openError)) return (null, openError);
        using (reader)
        {
            var rows = new List<ResponseImportRowDocument>();
            long created = 0, alreadyStored = 0, conflicts = 0, invalid = 0;
            while (reader!.Read(out var response, out var readError))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (response is null)
                {
                    invalid++;
                    var error = readError!.Value;
                    rows.Add(new(reader.Line, null, Outcome(ResponseIntakeOutcome.Invalid), [new(error.Field, error.Reason)]));
                    continue;
                }

                var result = await intake.SubmitAsync(response, historical, cancellationToken);
                switch (result.Outcome)
                {
                    case ResponseIntakeOutcome.Created: created++; break;
                    case ResponseIntakeOutcome.AlreadyStored: alreadyStored++; break;
                    case ResponseIntakeOutcome.Conflict: conflicts++; break;
                    default: invalid++; break;
                }
                rows.Add(new(reader.Line, response.ResponseId, Outcome(result.Outcome),
                    [.. result.Errors.Select(e => new ResponseImportErrorDocument(e.Field, e.Reason))]));
            }

            if (reader.EmptyFile is { } empty) return (null, empty);
            return (new ResponseImportDocument(new(reader.Records, created, alreadyStored, conflicts, invalid), rows), null);
        }
    }

    private static string Outcome(ResponseIntakeOutcome outcome) => WireNames.Format(outcome);
}
