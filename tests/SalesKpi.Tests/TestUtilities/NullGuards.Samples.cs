using System.Reflection;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>The sweep over SalesKpi's types, with <see cref="ArgumentSamples"/> and <see cref="GenericArguments"/>.</summary>
public static partial class NullGuards
{
    /// <summary>Gets the samples of the SalesKpi assembly's parameter types.</summary>
    public static IArgumentSource SalesKpiSamples { get; } = new SalesKpiSource();

    /// <summary>Returns one line per member and parameter of <paramref name="type"/> that does not throw <see cref="ArgumentNullException"/> as it should.</summary>
    public static IReadOnlyList<string> Violations(Type type) => Violations(type, SalesKpiSamples);

    private sealed class SalesKpiSource : IArgumentSource
    {
        public bool TryGet(ParameterInfo parameter, out object? value) => ArgumentSamples.TryGet(parameter, out value);

        public bool TryGetInstance(Type type, out object? value) => ArgumentSamples.TryGet(type, out value);

        public Type? TryClose(Type definition) => GenericArguments.TryClose(definition);

        public MethodInfo? TryClose(MethodInfo definition) => GenericArguments.TryClose(definition);
    }
}
