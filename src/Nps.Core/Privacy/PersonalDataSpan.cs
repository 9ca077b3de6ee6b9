namespace Nps.Privacy;

/// <summary>Where <see cref="CommentMasker"/> found personal data in a text.</summary>
/// <param name="Start">The index of its first character.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="Kind">What it is.</param>
public readonly record struct PersonalDataSpan(int Start, int Length, PersonalDataKind Kind)
{
    /// <summary>The index just past its last character.</summary>
    public int End => Start + Length;
}
