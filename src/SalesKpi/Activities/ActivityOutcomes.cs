namespace SalesKpi.Activities;

/// <summary>What came of an activity; a set of flags.</summary>
[Flags]
public enum ActivityOutcomes
{
    /// <summary>No outcome recorded.</summary>
    None = 0,

    /// <summary>A call was answered or a meeting was held: a conversation took place.</summary>
    Connected = 1,

    /// <summary>An email was delivered.</summary>
    Delivered = 2,

    /// <summary>An email was opened.</summary>
    Opened = 4,

    /// <summary>An email was replied to.</summary>
    Replied = 8,

    /// <summary>The reply expressed interest.</summary>
    Positive = 16,

    /// <summary>A call or meeting ended with the next appointment set (a date agreed for the next meeting); it implies <see cref="Connected"/>.</summary>
    NextAppointmentSet = 32,
}
