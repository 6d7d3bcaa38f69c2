using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SalesKpi.Utility;

/// <summary>
/// Argument and state checks, each mapped to the standard exception type. Every public entry point validates
/// through these methods so that the exception type and the parameter name are consistent everywhere.
/// </summary>
internal static class Preconditions
{
    /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="argument"/> is null.</summary>
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return argument;
    }

    /// <summary>
    /// Throws <see cref="ArgumentNullException"/> (parameter <c>value</c>, as a property setter's is named) when a
    /// property of an options class is set to null, naming the property in the message.
    /// </summary>
    internal static T CheckSetNotNull<T>([NotNull] T? value, [CallerMemberName] string? property = null)
        where T : class =>
        value ?? throw new ArgumentNullException(nameof(value), $"The {property} setting must not be null.");

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="argument"/> is null, empty or white space.</summary>
    internal static string CheckNotBlank([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException("The value must not be empty or white space.", paramName);
        }

        return argument;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="condition"/> is false.</summary>
    /// <remarks>Generic so that a value-type argument is boxed only when the check fails, not on every call.</remarks>
    internal static void CheckRange<T>([DoesNotReturnIf(false)] bool condition, T actualValue, string message, string paramName)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(paramName, actualValue, message);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="condition"/> is false.</summary>
    internal static void CheckArgument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="condition"/> is false, with a message that is
    /// formatted only then: the records' constructors check every record, and formatting two instants per check would
    /// cost more than the record.
    /// </summary>
    internal static void CheckArgument(
        [DoesNotReturnIf(false)] bool condition,
        string paramName,
        [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage message)
    {
        if (!condition)
        {
            throw new ArgumentException(message.ToStringAndClear(), paramName);
        }
    }

    /// <summary>An interpolated message formatted only when its check fails.</summary>
    [InterpolatedStringHandler]
    internal ref struct FailureMessage
    {
        private DefaultInterpolatedStringHandler _text;

        public FailureMessage(int literalLength, int formattedCount, bool condition, out bool shouldAppend)
        {
            shouldAppend = !condition;
            _text = shouldAppend ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public void AppendFormatted(object? value) => _text.AppendFormatted(value);

        public string ToStringAndClear() => _text.ToStringAndClear();
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> when <paramref name="condition"/> is false.</summary>
    internal static void CheckState([DoesNotReturnIf(false)] bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a default (uninitialized) identifier is passed.</summary>
    internal static void CheckInitialized(bool isInitialized, string paramName)
    {
        if (!isInitialized)
        {
            throw new ArgumentException("The identifier is the default value; create it from a non-empty string.", paramName);
        }
    }
}
