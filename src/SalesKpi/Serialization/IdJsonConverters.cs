using System.Text.Json;
using System.Text.Json.Serialization;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Serialization;

/// <summary>Reads and writes an identifier as its string form, also as a dictionary key.</summary>
/// <typeparam name="T">The identifier type.</typeparam>
/// <remarks>The identifiers of this library carry this converter (<see cref="JsonConverterAttribute"/>): nothing needs to be registered.</remarks>
public abstract class IdJsonConverter<T> : JsonConverter<T>
    where T : struct
{
    /// <summary>Initializes the converter.</summary>
    private protected IdJsonConverter()
    {
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw new JsonException($"Expected {What} as a string, found {reader.TokenType}.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Text(value));
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Text(value));
    }

    private protected abstract string What { get; }

    private protected abstract T Create(string value);

    private protected abstract string Text(T value);

    private T Parse(string? value) => string.IsNullOrWhiteSpace(value)
        ? throw new JsonException($"{char.ToUpperInvariant(What[0])}{What[1..]} cannot be empty.")
        : Create(value);
}

/// <summary>Reads and writes a <see cref="RepId"/> as its string form.</summary>
public sealed class RepIdJsonConverter : IdJsonConverter<RepId>
{
    /// <summary>Initializes the converter.</summary>
    public RepIdJsonConverter()
    {
    }

    private protected override string What => "a rep id";

    private protected override RepId Create(string value) => new(value);

    private protected override string Text(RepId value) => value.Value;
}

/// <summary>Reads and writes a <see cref="TeamId"/> as its string form.</summary>
public sealed class TeamIdJsonConverter : IdJsonConverter<TeamId>
{
    /// <summary>Initializes the converter.</summary>
    public TeamIdJsonConverter()
    {
    }

    private protected override string What => "a team id";

    private protected override TeamId Create(string value) => new(value);

    private protected override string Text(TeamId value) => value.Value;
}

/// <summary>Reads and writes a <see cref="LeadId"/> as its string form.</summary>
public sealed class LeadIdJsonConverter : IdJsonConverter<LeadId>
{
    /// <summary>Initializes the converter.</summary>
    public LeadIdJsonConverter()
    {
    }

    private protected override string What => "a lead id";

    private protected override LeadId Create(string value) => new(value);

    private protected override string Text(LeadId value) => value.Value;
}

/// <summary>Reads and writes a <see cref="OpportunityId"/> as its string form.</summary>
public sealed class OpportunityIdJsonConverter : IdJsonConverter<OpportunityId>
{
    /// <summary>Initializes the converter.</summary>
    public OpportunityIdJsonConverter()
    {
    }

    private protected override string What => "an opportunity id";

    private protected override OpportunityId Create(string value) => new(value);

    private protected override string Text(OpportunityId value) => value.Value;
}

/// <summary>Reads and writes a <see cref="DealId"/> as its string form.</summary>
public sealed class DealIdJsonConverter : IdJsonConverter<DealId>
{
    /// <summary>Initializes the converter.</summary>
    public DealIdJsonConverter()
    {
    }

    private protected override string What => "a deal id";

    private protected override DealId Create(string value) => new(value);

    private protected override string Text(DealId value) => value.Value;
}

/// <summary>Reads and writes a <see cref="ActivityId"/> as its string form.</summary>
public sealed class ActivityIdJsonConverter : IdJsonConverter<ActivityId>
{
    /// <summary>Initializes the converter.</summary>
    public ActivityIdJsonConverter()
    {
    }

    private protected override string What => "an activity id";

    private protected override ActivityId Create(string value) => new(value);

    private protected override string Text(ActivityId value) => value.Value;
}

/// <summary>Reads and writes a <see cref="AccountId"/> as its string form.</summary>
public sealed class AccountIdJsonConverter : IdJsonConverter<AccountId>
{
    /// <summary>Initializes the converter.</summary>
    public AccountIdJsonConverter()
    {
    }

    private protected override string What => "an account id";

    private protected override AccountId Create(string value) => new(value);

    private protected override string Text(AccountId value) => value.Value;
}
