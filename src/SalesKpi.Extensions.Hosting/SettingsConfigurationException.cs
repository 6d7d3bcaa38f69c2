namespace SalesKpi.Extensions.Hosting;

/// <summary>The settings bound from configuration are invalid: one message per error, each naming its key.</summary>
internal sealed class SettingsConfigurationException : InvalidOperationException
{
    public SettingsConfigurationException(IReadOnlyList<string> errors)
        : base(string.Join(Environment.NewLine, errors)) => Errors = errors;

    public SettingsConfigurationException()
        : this(["The SalesKpi settings are invalid."])
    {
    }

    public SettingsConfigurationException(string message)
        : this([message])
    {
    }

    public SettingsConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    /// <summary>Gets the errors, each beginning with its configuration key, such as <c>SalesKpi:TimeZone:</c>.</summary>
    public IReadOnlyList<string> Errors { get; }
}
