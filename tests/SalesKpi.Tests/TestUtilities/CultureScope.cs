using System.Globalization;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>
/// Sets <see cref="CultureInfo.CurrentCulture"/> and <see cref="CultureInfo.CurrentUICulture"/> for the current
/// thread (and its async flow) until disposed, then restores the previous cultures.
/// </summary>
/// <example><code>using (new CultureScope("tr-TR")) { Assert.Equal("1,250.00 EUR", money.ToString()); }</code></example>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _previousCulture;
    private readonly CultureInfo _previousUICulture;

    /// <summary>Switches to the culture named <paramref name="name"/> (the empty string is the invariant culture).</summary>
    public CultureScope(string name)
    {
        _previousCulture = CultureInfo.CurrentCulture;
        _previousUICulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>
    /// Gets culture names whose number, date and casing rules differ from the invariant culture's: a comma decimal
    /// separator (de-DE), the dotted and dotless i (tr-TR), an apostrophe group separator (fr-CH), a non-Gregorian
    /// default calendar (ar-SA), and the invariant culture itself.
    /// </summary>
    public static TheoryData<string> Names { get; } = new() { "", "de-DE", "tr-TR", "fr-CH", "ar-SA" };

    /// <summary>Restores the cultures that were current when the scope was created.</summary>
    public void Dispose()
    {
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUICulture;
    }
}
