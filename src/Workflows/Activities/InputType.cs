namespace Inburgering.Workflows.Activities;

/// <summary>
/// The type of an activity input. The designer picks an editor by it and validation checks literal values against it.
/// Inputs of the value types (Text, Number, Boolean, Date, Duration, DurationList, Json) may instead hold <c>{"expression": "…"}</c>,
/// evaluated when the activity runs.
/// </summary>
public enum InputType
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>A number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A calendar date, ISO-8601 (<c>2026-03-01</c>).</summary>
    Date,

    /// <summary>A business duration such as <c>P10W</c> or <c>P5WD</c> (werkdagen).</summary>
    Duration,

    /// <summary>JavaScript whose truthiness decides (a string of code).</summary>
    Condition,

    /// <summary>JavaScript that computes a value (a string of code).</summary>
    Expression,

    /// <summary>One of the options the descriptor lists.</summary>
    Choice,

    /// <summary>The name of a variable declared by the definition.</summary>
    VariableName,

    /// <summary>A list of durations (e.g. reminder lead times <c>["P5WD", "P1WD"]</c>).</summary>
    DurationList,

    /// <summary>A list of distinct, non-empty names (e.g. the branches of a Fork).</summary>
    NameList,

    /// <summary>A list of <c>{"name": …, "condition": …}</c> objects (the cases of a Switch).</summary>
    Cases,

    /// <summary>An object mapping variable names to expressions over <c>input</c>.</summary>
    Assignments,

    /// <summary>The id of a partner organisation.</summary>
    Organisation,

    /// <summary>Any JSON value.</summary>
    Json,

    /// <summary>A partner task's outcome form: <c>{"fields": […], "outcomes": […]}</c> (see <c>TaskForm</c>).</summary>
    Form,

    /// <summary>Names of declared variables a partner may see with a task; never ones declared <c>sensitive</c>.</summary>
    SharedVariables,
}
