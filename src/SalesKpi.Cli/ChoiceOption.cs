using System.CommandLine;
using SalesKpi.Csv;
using SalesKpi.Rendering;

namespace SalesKpi.Cli;

/// <summary>
/// An option whose value is one of a few words (<c>--by rep|team|source|none</c>, <c>--format table|json|csv</c>): a
/// value outside them is bad usage in the tool's own words, with the closest choice and every choice —
/// <c>--by: 'manager' is not a grouping; did you mean 'team'? (the groupings are rep, team, source, none)</c> —
/// instead of System.CommandLine's list.
/// </summary>
/// <remarks>Every command's word options are made here, so that all of them answer a typo the same way.</remarks>
internal static class ChoiceOption
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Option, IReadOnlyList<string>> Choices = [];

    /// <summary>Returns the choices of an option made here, or null for another option.</summary>
    /// <param name="option">The option.</param>
    public static IReadOnlyList<string>? ChoicesOf(Option option) => Choices.TryGetValue(option, out var choices) ? choices : null;

    /// <summary>Returns the option.</summary>
    /// <param name="name">The option, such as <c>--by</c>.</param>
    /// <param name="description">Its help.</param>
    /// <param name="noun">What a value is, in the singular: <c>grouping</c> gives "is not a grouping", "the groupings are".</param>
    /// <param name="defaultValue">The value when the option is left out, one of the choices.</param>
    /// <param name="choices">The values, in the order the help and the messages list them.</param>
    /// <param name="hints">
    /// Words a person may try that are no typo of a choice, each with the choice (or the option) it meant: for
    /// <c>--by</c>, <c>manager</c> → <c>team</c>, <c>month</c> → <c>--per month</c>.
    /// </param>
    /// <param name="helpName">The value's name in the help; null for the choices (<c>rep|team|source|none</c>) when they are short, else the noun in capitals.</param>
    public static Option<string> Create(string name, string description, string noun, string defaultValue, IReadOnlyList<string> choices, IReadOnlyDictionary<string, string>? hints = null, string? helpName = null)
    {
        var joined = string.Join('|', choices);
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = helpName ?? (joined.Length <= 30 ? joined : noun.ToUpperInvariant().Replace(' ', '-')),
        };
        option.CompletionSources.Add([.. choices]);
        Choices.AddOrUpdate(option, choices);
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count != 1)
            {
                // None, or several: CliApp says so for every option.
                return;
            }

            var value = r.Tokens[0].Value;
            if (!choices.Contains(value, StringComparer.Ordinal))
            {
                r.AddError(NotAChoice(name, value, noun, choices, hints));
            }
        });
        return option;
    }

    /// <summary>
    /// Returns an option whose value is one of a few words or a name the data defines, which only the data can check
    /// (<c>--by office</c>, a dimension): the choices are listed in the help and when the value is missing, and
    /// <see cref="NotAChoiceOrName"/> answers a value that is neither once the data is read.
    /// </summary>
    /// <param name="name">The option.</param>
    /// <param name="description">Its help.</param>
    /// <param name="defaultValue">The value when the option is left out, one of the choices.</param>
    /// <param name="choices">The words.</param>
    /// <param name="helpName">The value's name in the help.</param>
    public static Option<string> CreateOpen(string name, string description, string defaultValue, IReadOnlyList<string> choices, string helpName)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = helpName,
        };
        option.CompletionSources.Add([.. choices]);
        Choices.AddOrUpdate(option, choices);
        return option;
    }

    /// <summary>Returns the message of a value that is neither a choice nor one of the names the data has.</summary>
    /// <param name="name">The option.</param>
    /// <param name="value">The value given.</param>
    /// <param name="noun">What a choice is (<c>grouping</c>).</param>
    /// <param name="choices">The choices.</param>
    /// <param name="names">What the data names (the dimensions), which a value may also be.</param>
    /// <param name="namesNoun">What a name is, in the singular (<c>dimension</c>).</param>
    /// <param name="hints">Words that are no typo of a choice, with what they meant.</param>
    internal static string NotAChoiceOrName(string name, string value, string noun, IReadOnlyList<string> choices, IReadOnlyList<string> names, string namesNoun, IReadOnlyDictionary<string, string>? hints = null)
    {
        var all = choices.Concat(names).ToList();
        string suggestion;
        if (all.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) is { } differentCase)
        {
            suggestion = $"; did you mean '{differentCase}'?";
        }
        else if (hints is not null && hints.TryGetValue(value.ToLowerInvariant(), out var hint) && (hint.StartsWith("--", StringComparison.Ordinal) || choices.Contains(hint, StringComparer.Ordinal)))
        {
            suggestion = $"; did you mean '{hint}'?";
        }
        else
        {
            suggestion = Suggestions.DidYouMean(value, all);
        }

        var known = names.Count == 0 ? $"the data has no {namesNoun}s" : $"the data's {namesNoun}s are {string.Join(", ", names)}";
        return $"{name}: {Quote(value)} is not {Article(noun)} {noun} or {Article(namesNoun)} {namesNoun} of the data{suggestion} (the {noun}s are {List(choices)}; {known}).";
    }

    /// <summary>Returns the message of a value that is not a choice.</summary>
    internal static string NotAChoice(string name, string value, string noun, IReadOnlyList<string> choices, IReadOnlyDictionary<string, string>? hints = null)
    {
        string suggestion;
        if (choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) is { } differentCase)
        {
            suggestion = $"; did you mean '{differentCase}'?";
        }
        else if (hints is not null && hints.TryGetValue(value.ToLowerInvariant(), out var hint) && (hint.StartsWith("--", StringComparison.Ordinal) || choices.Contains(hint, StringComparer.Ordinal)))
        {
            suggestion = $"; did you mean '{hint}'?";
        }
        else
        {
            suggestion = Suggestions.DidYouMean(value, choices);
        }

        return $"{name}: {Quote(value)} is not {Article(noun)} {noun}{suggestion} (the {noun}s are {List(choices)}).";
    }

    /// <summary>Returns the choices as a list, those that are not words (the delimiters , ; |) quoted so that it reads.</summary>
    /// <param name="choices">The choices.</param>
    internal static string List(IEnumerable<string> choices) =>
        string.Join(", ", choices.Select(c => c.All(ch => char.IsLetter(ch) || ch == '-') ? c : $"'{c}'"));

    /// <summary>Returns a value of the command line quoted for a message: printable, and cut after 64 characters.</summary>
    internal static string Quote(string value)
    {
        const int Longest = 64;
        var printable = KpiValueText.Printable(value.Length > Longest ? value[..Longest] : value);
        return value.Length > Longest ? $"'{printable}…'" : $"'{printable}'";
    }

    private static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
}
