using System.Diagnostics.CodeAnalysis;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Extension methods that add the application's own KPIs to SalesKpi, compose new KPIs from registered ones, and
/// replace built-in KPIs.
/// </summary>
/// <remarks>
/// <para>A KPI added here is first-class: it is a keyed singleton <see cref="KpiCalculator"/> under its id, the
/// <see cref="IKpiCatalog"/> lists it after the built-ins, and it evaluates, filters, groups, buckets, compares with peers
/// and takes targets exactly like a built-in one.</para>
/// <para>Every method checks its id at once: an id that is not kebab-case, or that is already registered, throws
/// <see cref="ArgumentException"/> here, at registration. A KPI the container creates (<see cref="AddKpi{TKpi}"/>) is
/// registered by type, so a constructor dependency the container lacks, or a scoped one, fails
/// <c>BuildServiceProvider</c> with <c>ValidateOnBuild</c> and <c>ValidateScopes</c>, not the first evaluation.
/// KPIs are singletons: they are immutable and shared by every evaluation.</para>
/// </remarks>
public static class SalesKpiBuilderExtensions
{
    /// <summary>Adds a KPI type the container creates with constructor injection, under the id the type declares.</summary>
    /// <typeparam name="TKpi">The KPI: a <see cref="KpiCalculator"/> that declares its id through <see cref="IKpiDefinition.KpiId"/>.
    /// It is also registered as the singleton service <typeparamref name="TKpi"/>.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="TKpi"/>'s id is not kebab-case or is already registered,
    /// <typeparamref name="TKpi"/> is abstract, or its constructor takes a KPI by id (<c>[FromKeyedServices("demos")]</c>)
    /// that is not registered yet (the message names it and suggests the nearest ids): register the KPIs it takes first.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder AddKpi<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TKpi>(this ISalesKpiBuilder builder)
        where TKpi : KpiCalculator, IKpiDefinition
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Register<TKpi>(builder, replace: false);
    }

    /// <summary>Adds a KPI created by a delegate, the first time it is needed, under the given id.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The KPI's kebab-case id; the KPI the delegate creates must have it.</param>
    /// <param name="factory">Creates the KPI from the application's services.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>The delegate runs once, when the KPI or the catalog is first resolved; a KPI whose
    /// <see cref="KpiCalculator.Id"/> is not <paramref name="id"/> is refused then with <see cref="InvalidOperationException"/>.
    /// Prefer <see cref="AddKpi{TKpi}"/> when the KPI needs services: the container checks a type's dependencies when it
    /// is built, but cannot look inside a delegate.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="id"/> or <paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case or is already registered.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder AddKpi(this ISalesKpiBuilder builder, string id, Func<IServiceProvider, KpiCalculator> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(factory);
        return Register(builder, id, nameof(id), $"AddKpi(\"{id}\", factory)", factory, replace: false);
    }

    /// <summary>Adds a KPI instance, such as a built-in one with other options or a filtered one, under its own id.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="kpi">The KPI, such as <c>Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue")</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="kpi"/> is null.</exception>
    /// <exception cref="ArgumentException">The KPI's id is already registered.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder AddKpi(this ISalesKpiBuilder builder, KpiCalculator kpi)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(kpi);
        return Register(builder, kpi.Id, nameof(kpi), $"AddKpi({kpi.GetType().Name} '{kpi.Id}')", _ => kpi, replace: false);
    }

    /// <summary>
    /// Adds a KPI composed from registered KPIs, looked up by id: the general form behind <see cref="AddRatioKpi"/>,
    /// <see cref="AddFilteredKpi"/> and <see cref="AddPeriodOverPeriodKpi"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The new KPI's kebab-case id; the KPI <paramref name="compose"/> returns must have it.</param>
    /// <param name="componentIds">The ids of the KPIs it is composed of, registered before this call.</param>
    /// <param name="compose">Creates the KPI from the components, in the order of <paramref name="componentIds"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>The components are the KPIs registered under their ids when the container creates the composed KPI, so a
    /// component replaced with <c>ReplaceKpi</c> is the replacement.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="id"/>, <paramref name="componentIds"/>,
    /// one of its elements or <paramref name="compose"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case or is already registered, or
    /// <paramref name="componentIds"/> is empty or names a KPI that is not registered (the message suggests the nearest ids).</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder AddComposedKpi(
        this ISalesKpiBuilder builder,
        string id,
        IEnumerable<string> componentIds,
        Func<IReadOnlyList<KpiCalculator>, KpiCalculator> compose)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(componentIds);
        ArgumentNullException.ThrowIfNull(compose);
        var components = componentIds.Select(c => (Id: c, Parameter: nameof(componentIds))).ToArray();
        if (components.Length == 0)
        {
            throw new ArgumentException("A composed KPI needs at least one component.", nameof(componentIds));
        }

        return Compose(builder, id, components, $"AddComposedKpi(\"{id}\")", compose);
    }

    /// <summary>Adds the ratio of two registered KPIs as a new KPI, such as demos per won deal.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The new KPI's kebab-case id.</param>
    /// <param name="numeratorId">The id of the KPI divided, registered before this call.</param>
    /// <param name="denominatorId">The id of the KPI it is divided by, registered before this call.</param>
    /// <param name="direction">Whether larger values are better.</param>
    /// <returns>The builder.</returns>
    /// <remarks><para>The KPI is a <see cref="RatioKpiCalculator"/>.</para></remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="id"/>, <paramref name="numeratorId"/> or <paramref name="denominatorId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case or is already registered, or
    /// <paramref name="numeratorId"/> or <paramref name="denominatorId"/> is not registered.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder AddRatioKpi(
        this ISalesKpiBuilder builder,
        string id,
        string numeratorId,
        string denominatorId,
        KpiDirection direction = KpiDirection.HigherIsBetter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(numeratorId);
        ArgumentNullException.ThrowIfNull(denominatorId);
        return Compose(
            builder,
            id,
            [(numeratorId, nameof(numeratorId)), (denominatorId, nameof(denominatorId))],
            $"AddRatioKpi(\"{id}\", \"{numeratorId}\", \"{denominatorId}\")",
            c => new RatioKpiCalculator(id, c[0], c[1], direction));
    }

    /// <summary>Adds a registered KPI evaluated over the records a filter keeps, as a new KPI.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The new KPI's kebab-case id.</param>
    /// <param name="kpiId">The id of the KPI filtered, registered before this call.</param>
    /// <param name="filter">The records to keep.</param>
    /// <returns>The builder.</returns>
    /// <remarks><para>The KPI is a <see cref="FilteredKpiCalculator"/>.</para></remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="id"/>, <paramref name="kpiId"/> or <paramref name="filter"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case or is already registered, or
    /// <paramref name="kpiId"/> is not registered.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder AddFilteredKpi(this ISalesKpiBuilder builder, string id, string kpiId, KpiFilter filter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(kpiId);
        ArgumentNullException.ThrowIfNull(filter);
        return Compose(builder, id, [(kpiId, nameof(kpiId))], $"AddFilteredKpi(\"{id}\", \"{kpiId}\")", c => new FilteredKpiCalculator(id, c[0], filter));
    }

    /// <summary>Adds the period-over-period change of a registered KPI as a new KPI.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The new KPI's kebab-case id.</param>
    /// <param name="kpiId">The id of the KPI whose change is reported, registered before this call.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="id"/> or <paramref name="kpiId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case or is already registered, or
    /// <paramref name="kpiId"/> is not registered.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder AddPeriodOverPeriodKpi(this ISalesKpiBuilder builder, string id, string kpiId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(kpiId);
        return Compose(builder, id, [(kpiId, nameof(kpiId))], $"AddPeriodOverPeriodKpi(\"{id}\", \"{kpiId}\")", c => c[0].PeriodOverPeriod(id));
    }

    /// <summary>Replaces a registered KPI, built-in or not, with a KPI type the container creates, under the id the type declares.</summary>
    /// <typeparam name="TKpi">The replacement, which declares the id of the KPI it replaces through <see cref="IKpiDefinition.KpiId"/>.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>The replacement keeps the replaced KPI's place in the catalog. KPIs composed by id (<see cref="AddRatioKpi"/> and
    /// the like) use the replacement; built-in KPIs derived from the replaced one (<c>call-to-meeting-rate</c> from
    /// <c>calls</c>) keep their own definition.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><typeparamref name="TKpi"/>'s id is not kebab-case or is not registered, or
    /// <typeparamref name="TKpi"/> is abstract.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder ReplaceKpi<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TKpi>(this ISalesKpiBuilder builder)
        where TKpi : KpiCalculator, IKpiDefinition
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Register<TKpi>(builder, replace: true);
    }

    /// <summary>Replaces a registered KPI, built-in or not, with one created by a delegate.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="id">The id of the KPI replaced; the KPI the delegate creates must have it.</param>
    /// <param name="factory">Creates the replacement from the application's services.</param>
    /// <returns>The builder.</returns>
    /// <remarks><para>See <see cref="ReplaceKpi{TKpi}"/> for what a replacement changes.</para></remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="id"/> or <paramref name="factory"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case or is not registered.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder ReplaceKpi(this ISalesKpiBuilder builder, string id, Func<IServiceProvider, KpiCalculator> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(factory);
        return Register(builder, id, nameof(id), $"ReplaceKpi(\"{id}\", factory)", factory, replace: true);
    }

    /// <summary>Replaces the registered KPI with the same id, built-in or not, with the given instance.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="kpi">The replacement, such as <c>new CloseRateCalculator(new CloseRateOptions { Population = CloseRatePopulation.Cohort })</c>.</param>
    /// <returns>The builder.</returns>
    /// <remarks><para>See <see cref="ReplaceKpi{TKpi}"/> for what a replacement changes.</para></remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="kpi"/> is null.</exception>
    /// <exception cref="ArgumentException">No KPI with the id of <paramref name="kpi"/> is registered.</exception>
    /// <exception cref="InvalidOperationException">SalesKpi is not registered in the builder's services.</exception>
    public static ISalesKpiBuilder ReplaceKpi(this ISalesKpiBuilder builder, KpiCalculator kpi)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(kpi);
        return Register(builder, kpi.Id, nameof(kpi), $"ReplaceKpi({kpi.GetType().Name} '{kpi.Id}')", _ => kpi, replace: true);
    }

    private static ISalesKpiBuilder Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TKpi>(ISalesKpiBuilder builder, bool replace)
        where TKpi : KpiCalculator, IKpiDefinition
    {
        var registrations = KpiRegistrations.Of(builder);
        var type = typeof(TKpi);
        var source = $"{(replace ? "ReplaceKpi" : "AddKpi")}<{type.Name}>()";
        if (type.IsAbstract)
        {
            throw new ArgumentException($"{source}: {type.FullName} is abstract; register a concrete KPI type.", nameof(TKpi));
        }

        var id = TKpi.KpiId;
        CheckId(registrations, id, nameof(TKpi), source, replace);
        CheckKeyedKpis(builder, registrations, type, nameof(TKpi), source);
        var descriptors = new List<ServiceDescriptor>(2);
        if (!builder.Services.Any(d => d.ServiceType == type && !d.IsKeyedService))
        {
            // Registered by type so that ValidateOnBuild sees the constructor's dependencies and their lifetimes.
            descriptors.Add(ServiceDescriptor.Singleton<TKpi, TKpi>());
        }

        descriptors.Add(ServiceDescriptor.KeyedSingleton<KpiCalculator>(id, (sp, _) => Verified(sp.GetRequiredService<TKpi>(), id, source)));
        return Commit(builder, registrations, new KpiRegistration(id, source, descriptors), replace);
    }

    /// <summary>
    /// Checks that the KPIs a KPI type takes by id (<c>[FromKeyedServices("demos")] KpiCalculator demos</c>) are registered,
    /// as a composed KPI's components must be: the container's own error, when it is built, names the type, not the id.
    /// A type with several public constructors is left to the container, which chooses among them.
    /// </summary>
    private static void CheckKeyedKpis(
        ISalesKpiBuilder builder,
        KpiRegistrations registrations,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type,
        string parameterName,
        string source)
    {
        var constructors = type.GetConstructors();
        if (constructors.Length != 1)
        {
            return;
        }

        foreach (var parameter in constructors[0].GetParameters())
        {
            if (!typeof(KpiCalculator).IsAssignableFrom(parameter.ParameterType)
                || parameter.GetCustomAttributes(typeof(FromKeyedServicesAttribute), inherit: false) is not [FromKeyedServicesAttribute { Key: string key }])
            {
                continue;
            }

            var registered = registrations.TryGet(key, out _)
                || builder.Services.Any(d => d.IsKeyedService && d.ServiceType == typeof(KpiCalculator) && d.ServiceKey is string k && string.Equals(k, key, StringComparison.Ordinal));
            if (!registered)
            {
                throw new ArgumentException(
                    $"{source}: its constructor takes the KPI '{key}' ([FromKeyedServices(\"{key}\")] {parameter.Name}). {KpiIdSuggestions.NotFoundMessage(key, registrations.Ids, "the registered KPIs")} Register the KPIs it takes before it.",
                    parameterName);
            }
        }
    }

    private static ISalesKpiBuilder Register(
        ISalesKpiBuilder builder,
        string id,
        string parameter,
        string source,
        Func<IServiceProvider, KpiCalculator> factory,
        bool replace)
    {
        var registrations = KpiRegistrations.Of(builder);
        CheckId(registrations, id, parameter, source, replace);
        var descriptor = ServiceDescriptor.KeyedSingleton<KpiCalculator>(id, (sp, _) => Verified(factory(sp), id, source));
        return Commit(builder, registrations, new KpiRegistration(id, source, [descriptor]), replace);
    }

    private static ISalesKpiBuilder Compose(
        ISalesKpiBuilder builder,
        string id,
        (string Id, string Parameter)[] components,
        string source,
        Func<IReadOnlyList<KpiCalculator>, KpiCalculator> compose)
    {
        var registrations = KpiRegistrations.Of(builder);
        CheckId(registrations, id, nameof(id), source, replace: false);
        foreach (var (componentId, parameter) in components)
        {
            if (componentId is null)
            {
                throw new ArgumentNullException(parameter, $"{source}: a component id is null.");
            }

            if (string.Equals(componentId, id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"{source}: KPI '{id}' cannot be composed of itself.", parameter);
            }

            if (!registrations.TryGet(componentId, out _))
            {
                throw new ArgumentException(
                    $"{source}: {KpiIdSuggestions.NotFoundMessage(componentId, registrations.Ids, "the registered KPIs")} Register a component before the KPIs composed of it.",
                    parameter);
            }
        }

        var ids = components.Select(c => c.Id).ToArray();
        var descriptor = ServiceDescriptor.KeyedSingleton<KpiCalculator>(
            id,
            (sp, _) => Verified(compose([.. ids.Select(sp.GetRequiredKeyedService<KpiCalculator>)]), id, source));
        return Commit(builder, registrations, new KpiRegistration(id, source, [descriptor]), replace: false);
    }

    private static void CheckId(KpiRegistrations registrations, string id, string parameter, string source, bool replace)
    {
        if (!KpiCalculator.IsValidId(id))
        {
            throw new ArgumentException(
                $"{source}: '{id}' is not a valid KPI id: use lower-case letters and digits in words joined by single hyphens, such as 'demos-per-won-deal'.",
                parameter);
        }

        var registered = registrations.TryGet(id, out var existing);
        if (!replace && registered)
        {
            throw new ArgumentException(
                $"{source}: a KPI with id '{id}' is already registered ({existing!.Source}). Give the new KPI another id, or call ReplaceKpi to replace it on purpose.",
                parameter);
        }

        if (replace && !registered)
        {
            throw new ArgumentException(
                $"{source}: {KpiIdSuggestions.NotFoundMessage(id, registrations.Ids, "the registered KPIs")} There is nothing to replace; call AddKpi to add it.",
                parameter);
        }
    }

    private static ISalesKpiBuilder Commit(ISalesKpiBuilder builder, KpiRegistrations registrations, KpiRegistration registration, bool replace)
    {
        if (replace && registrations.TryGet(registration.Id, out var old))
        {
            foreach (var descriptor in old.Descriptors)
            {
                builder.Services.Remove(descriptor);
            }

            registrations.Replace(registration);
        }
        else
        {
            registrations.Add(registration);
        }

        foreach (var descriptor in registration.Descriptors)
        {
            builder.Services.Add(descriptor);
        }

        return builder;
    }

    private static KpiCalculator Verified(KpiCalculator? kpi, string id, string source) =>
        kpi is null
            ? throw new InvalidOperationException($"{source} created no KPI (null) for id '{id}'.")
            : string.Equals(kpi.Id, id, StringComparison.Ordinal)
                ? kpi
                : throw new InvalidOperationException(
                    $"{source} is registered under id '{id}' but created a KPI whose Id is '{kpi.Id}'; the two must be the same.");
}
