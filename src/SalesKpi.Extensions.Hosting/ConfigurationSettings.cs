using System.Globalization;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using SalesKpi.Reporting;

namespace SalesKpi.Extensions.Hosting;

/// <summary>Reads the keys of a configuration section into <see cref="KpiSettingsOptions"/>, naming the key of every error.</summary>
internal static class ConfigurationSettings
{
    private const string SettingPrefix = "SalesKpi setting ";

    private static readonly string[] Keys =
    [
        nameof(KpiSettingsOptions.TimeZone),
        nameof(KpiSettingsOptions.FirstDayOfWeek),
        nameof(KpiSettingsOptions.FiscalYearStartMonth),
        nameof(KpiSettingsOptions.ReportingCurrency),
        nameof(KpiSettingsOptions.FixedRateDate),
    ];

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>Sets the options from the section's keys and checks the result.</summary>
    /// <exception cref="SettingsConfigurationException">A key is unknown or its value is invalid, or the settings are inconsistent.</exception>
    public static void Bind(IConfiguration configuration, KpiSettingsOptions options)
    {
        var errors = new List<string>();
        foreach (var child in configuration.GetChildren())
        {
            var path = child.Path;
            var key = Array.Find(Keys, k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                errors.Add($"{path}: not a SalesKpi setting.{DidYouMean(child.Key, Keys)} The settings are {string.Join(", ", Keys)}.");
                continue;
            }

            if (child.Value is not { } value)
            {
                errors.Add($"{path}: expects a value, not a section.");
                continue;
            }

            if (Apply(key, value.Trim(), options) is { } error)
            {
                errors.Add($"{path}: {error}");
            }
        }

        if (errors.Count == 0)
        {
            try
            {
                options.ToSettings();
            }
            catch (InvalidOperationException e) when (e.Message.StartsWith(SettingPrefix, StringComparison.Ordinal))
            {
                // "SalesKpi setting ReportingCurrency: …" becomes "SalesKpi:ReportingCurrency: …".
                var rest = e.Message[SettingPrefix.Length..];
                errors.Add(PathOf(configuration, rest[..rest.IndexOf(':', StringComparison.Ordinal)]) + rest[rest.IndexOf(':', StringComparison.Ordinal)..]);
            }
        }

        if (errors.Count > 0)
        {
            throw new SettingsConfigurationException(errors);
        }
    }

    private static string PathOf(IConfiguration configuration, string key) =>
        configuration is IConfigurationSection section ? ConfigurationPath.Combine(section.Path, key) : key;

    private static string? Apply(string key, string value, KpiSettingsOptions options)
    {
        switch (key)
        {
            case nameof(KpiSettingsOptions.TimeZone):
                if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(value) is not null)
                {
                    options.TimeZone = value;
                    return null;
                }

                if (TzdbDateTimeZoneSource.Default.WindowsToTzdbIds.TryGetValue(value, out var tzdb))
                {
                    return $"'{value}' is a Windows time zone id; use its IANA/TZDB id '{tzdb}'.";
                }

                return value.Length == 0
                    ? "a time zone id is required (IANA/TZDB, such as Europe/Istanbul)."
                    : $"'{value}' is not a time zone id.{DidYouMean(value, DateTimeZoneProviders.Tzdb.Ids)}";

            case nameof(KpiSettingsOptions.FirstDayOfWeek):
                var day = Array.FindIndex(Days, d => string.Equals(d, value, StringComparison.OrdinalIgnoreCase)) + 1;
                if (day == 0 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 7)
                {
                    day = number;
                }

                if (day == 0)
                {
                    return $"'{value}' is not a day of the week (Monday to Sunday, or 1 to 7).{DidYouMean(value, Days)}";
                }

                options.FirstDayOfWeek = (IsoDayOfWeek)day;
                return null;

            case nameof(KpiSettingsOptions.FiscalYearStartMonth):
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
                {
                    return $"'{value}' is not a month from 1 to 12 (the month the fiscal year starts in).";
                }

                options.FiscalYearStartMonth = month;
                return null;

            case nameof(KpiSettingsOptions.ReportingCurrency):
                if (value.Length == 0)
                {
                    options.ReportingCurrency = null;
                    return null;
                }

                if (!Currency.IsValidCode(value))
                {
                    return $"'{value}' is not an ISO 4217 currency code (three upper-case letters such as USD or EUR).";
                }

                options.ReportingCurrency = value;
                return null;

            default:
                if (value.Length == 0)
                {
                    options.FixedRateDate = null;
                    return null;
                }

                var parsed = LocalDatePattern.Iso.Parse(value);
                if (!parsed.Success)
                {
                    return $"'{value}' is not a date (yyyy-MM-dd, such as 2025-01-31).";
                }

                options.FixedRateDate = parsed.Value;
                return null;
        }
    }

    /// <summary>Returns <c> Did you mean 'x'?</c> for the nearest candidate within a few edits, or the empty string.</summary>
    internal static string DidYouMean(string value, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, value.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = KpiIdSuggestions.Distance(value, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is null ? string.Empty : $" Did you mean '{best}'?";
    }
}
