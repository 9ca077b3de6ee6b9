namespace Nps.Intake;

/// <summary>What the intake did with a response.</summary>
public enum ResponseIntakeOutcome
{
    /// <summary>Stored now, with its contact and, when due, its follow-up.</summary>
    Created = 0,

    /// <summary>A retry: the same response was stored before; nothing new was recorded.</summary>
    AlreadyStored = 1,

    /// <summary>A different response with this id is stored; nothing was recorded.</summary>
    Conflict = 2,

    /// <summary>The response is implausible (see the errors); nothing was recorded.</summary>
    Invalid = 3,

    /// <summary>The response's invitation was answered by another response; nothing was recorded.</summary>
    AlreadyAnswered = 4,
}
