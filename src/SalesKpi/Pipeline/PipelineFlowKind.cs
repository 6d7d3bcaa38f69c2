namespace SalesKpi.Pipeline;

/// <summary>One line of a pipeline waterfall (<see cref="PipelineWaterfall"/>): a stock (opening, closing) or a flow between them.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PipelineFlowKind>))]
public enum PipelineFlowKind
{
    /// <summary>The pipeline at the period's start: open then, expected to close in the window.</summary>
    Opening = 0,

    /// <summary>Opportunities created in the period that were in the pipeline on creation, at their first amount.</summary>
    Created = 1,

    /// <summary>Amount increases while in the pipeline (a currency change adds the new amount here).</summary>
    Increased = 2,

    /// <summary>Amount decreases while in the pipeline, as positive magnitudes (a currency change removes the old amount here).</summary>
    Decreased = 3,

    /// <summary>Open opportunities whose expected close date moved into the window.</summary>
    PulledIn = 4,

    /// <summary>Open opportunities whose expected close date moved out of the window.</summary>
    SlippedOut = 5,

    /// <summary>Opportunities won in the period while in the pipeline, at their amount then.</summary>
    Won = 6,

    /// <summary>Opportunities lost in the period while in the pipeline, at their amount then.</summary>
    Lost = 7,

    /// <summary>The pipeline at the period's end.</summary>
    Closing = 8,
}
