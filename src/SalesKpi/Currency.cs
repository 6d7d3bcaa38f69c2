using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using SalesKpi.Utility;

namespace SalesKpi;

/// <summary>
/// An ISO 4217 currency, identified by its three-letter alphabetic code (for example <c>USD</c>).
/// </summary>
/// <remarks>
/// <para>Only codes of the current ISO 4217 list (plus <c>XXX</c>, "no currency") are accepted, written in upper case
/// as the standard spells them. Equality is ordinal on <see cref="Code"/>.</para>
/// <para><c>default(Currency)</c> is <c>XXX</c>, the ISO 4217 code for "no currency"; arithmetic between it and a real
/// currency is refused like any other currency mismatch.</para>
/// <para>The text form is <see cref="Code"/>: <see cref="Parse(string, IFormatProvider)"/> accepts exactly the codes the
/// constructor accepts (upper case, no surrounding white space), and formatting writes the code. Format strings and
/// format providers are ignored, since a code has no culture-specific form.</para>
/// </remarks>
/// <threadsafety>This type is an immutable value type. See the thread safety section of the user guide for further information.</threadsafety>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.CurrencyJsonConverter))]
public readonly struct Currency : IEquatable<Currency>, ISpanParsable<Currency>, ISpanFormattable
{
    private const string NoCurrencyCode = "XXX";

    // The active alphabetic codes of ISO 4217, plus the precious-metal, testing and "no currency" X codes.
    private static readonly FrozenSet<string> KnownCodes = new[]
    {
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
        "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF", "CHW", "CLF",
        "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR",
        "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS",
        "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
        "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
        "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP",
        "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE",
        "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
        "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF", "XAG", "XAU",
        "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER",
        "ZAR", "ZMW", "ZWG",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The same set, looked up by a span of characters, so that parsing a span allocates no string.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownCodesBySpan =
        KnownCodes.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly string? _code;

    /// <summary>Initializes a currency from its ISO 4217 alphabetic code.</summary>
    /// <param name="code">Three upper-case letters of the ISO 4217 list, such as <c>EUR</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not an ISO 4217 code.</exception>
    public Currency(string code)
    {
        Preconditions.CheckNotNull(code);
        Preconditions.CheckArgument(
            KnownCodes.Contains(code),
            nameof(code),
            $"'{code}' is not an ISO 4217 currency code (three upper-case letters such as USD or EUR).");
        _code = code;
    }

    /// <summary>Gets the US dollar.</summary>
    public static Currency USD { get; } = new("USD");

    /// <summary>Gets the euro.</summary>
    public static Currency EUR { get; } = new("EUR");

    /// <summary>Gets the pound sterling.</summary>
    public static Currency GBP { get; } = new("GBP");

    /// <summary>Gets the Turkish lira.</summary>
    public static Currency TRY { get; } = new("TRY");

    /// <summary>Gets the Indonesian rupiah.</summary>
    public static Currency IDR { get; } = new("IDR");

    /// <summary>Gets <c>XXX</c>, the ISO 4217 code for "no currency"; the same as <c>default(Currency)</c>.</summary>
    public static Currency None => default;

    /// <summary>Gets the three-letter ISO 4217 code.</summary>
    /// <value>The code, such as <c>USD</c>; <c>XXX</c> for the default value.</value>
    public string Code => _code ?? NoCurrencyCode;

    /// <summary>Returns true when <paramref name="code"/> is an ISO 4217 code this type accepts.</summary>
    /// <param name="code">The candidate code.</param>
    /// <returns>True when <c>new Currency(code)</c> would succeed.</returns>
    public static bool IsValidCode(string? code) => code is not null && KnownCodes.Contains(code);

    /// <summary>Returns true when both currencies have the same code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when the codes are equal.</returns>
    public static bool operator ==(Currency left, Currency right) => string.Equals(left.Code, right.Code, StringComparison.Ordinal);

    /// <summary>Returns true when the currencies have different codes.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when the codes differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> has the same code.</summary>
    /// <param name="other">The currency to compare with.</param>
    /// <returns>True when the codes are equal.</returns>
    public bool Equals(Currency other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && this == other;

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Parses a currency from its ISO 4217 code, by the constructor's rule.</summary>
    /// <param name="s">Three upper-case letters of the ISO 4217 list, such as <c>EUR</c>.</param>
    /// <param name="provider">Ignored: a code has no culture-specific form.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not an ISO 4217 code.</exception>
    public static Currency Parse(string s, IFormatProvider? provider)
    {
        Preconditions.CheckNotNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Parses a currency from its ISO 4217 code, by the constructor's rule.</summary>
    /// <param name="s">Three upper-case letters of the ISO 4217 list, such as <c>EUR</c>.</param>
    /// <param name="provider">Ignored: a code has no culture-specific form.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not an ISO 4217 code.</exception>
    public static Currency Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result)
            ? result
            : throw new FormatException($"'{s}' is not an ISO 4217 currency code (three upper-case letters such as USD or EUR).");

    /// <summary>Tries to parse a currency from its ISO 4217 code, by the constructor's rule.</summary>
    /// <param name="s">The candidate code.</param>
    /// <param name="provider">Ignored: a code has no culture-specific form.</param>
    /// <param name="result">The currency when parsing succeeded; otherwise <see cref="None"/>.</param>
    /// <returns>True when <paramref name="s"/> is an ISO 4217 code this type accepts.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Currency result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        return TryParse(s.AsSpan(), provider, out result);
    }

    /// <summary>Tries to parse a currency from its ISO 4217 code, by the constructor's rule.</summary>
    /// <param name="s">The candidate code.</param>
    /// <param name="provider">Ignored: a code has no culture-specific form.</param>
    /// <param name="result">The currency when parsing succeeded; otherwise <see cref="None"/>.</param>
    /// <returns>True when <paramref name="s"/> is an ISO 4217 code this type accepts.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Currency result)
    {
        // The set's own string, not a new one: a parsed currency holds the same instance a constructed one does.
        if (KnownCodesBySpan.TryGetValue(s, out var code))
        {
            result = new Currency(code);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Writes <see cref="Code"/> to <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write the code.</param>
    /// <param name="charsWritten">The number of characters written; 0 when the code did not fit.</param>
    /// <param name="format">Ignored: a currency has one text form.</param>
    /// <param name="provider">Ignored: a code has no culture-specific form.</param>
    /// <returns>True when the code fit in <paramref name="destination"/>; false, with nothing written, when it did not.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TextForm.TryFormat(Code, destination, out charsWritten);

    /// <summary>Returns the ISO 4217 code.</summary>
    /// <returns>The code, such as <c>USD</c>.</returns>
    public override string ToString() => Code;

    /// <summary>Returns the ISO 4217 code; the same as <see cref="ToString()"/>.</summary>
    /// <param name="format">Ignored: a currency has one text form.</param>
    /// <param name="formatProvider">Ignored: a code has no culture-specific form.</param>
    /// <returns>The code, such as <c>USD</c>.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Code;
}
