using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesKpi.Reporting;

namespace SalesKpi.Extensions.Hosting;

/// <summary>What <c>ValidateOnStart</c> checks: an options type with no values of its own, whose validator creates the settings.</summary>
internal sealed class SettingsCheck;

/// <summary>Creates the settings when the host starts, so that invalid configuration fails the start and not the first evaluation.</summary>
internal sealed class SettingsValidator(IServiceProvider services) : IValidateOptions<SettingsCheck>
{
    public ValidateOptionsResult Validate(string? name, SettingsCheck options)
    {
        try
        {
            services.GetRequiredService<KpiSettings>();
            return ValidateOptionsResult.Success;
        }
        catch (SettingsConfigurationException e)
        {
            return ValidateOptionsResult.Fail(e.Errors);
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
