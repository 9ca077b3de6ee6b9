using Microsoft.Extensions.Options;

namespace Nps;

/// <summary>
/// Checks the data-annotation constraints of <see cref="NpsOptions"/> (ranges, required sections); generated at
/// compile time, so it needs no reflection and is trimming-safe.
/// </summary>
[OptionsValidator]
internal sealed partial class NpsOptionsValidator : IValidateOptions<NpsOptions>;
