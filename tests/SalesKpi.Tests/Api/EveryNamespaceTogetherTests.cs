// Every namespace an ASP.NET Core app imports implicitly, System.Diagnostics beside them, and every SalesKpi namespace:
// this file compiling is the test that none of their names is ambiguous where users write them (issue #19). Most of
// the usings are unused on purpose.
#pragma warning disable IDE0005
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Reps;
#pragma warning restore IDE0005

namespace SalesKpi.Tests.Api;

public class EveryNamespaceTogetherTests
{
    [Fact]
    public void An_activity_is_written_by_its_simple_name_beside_System_Diagnostics()
    {
        using var source = new ActivitySource("SalesKpi.Tests");
        var call = new SalesActivity(new ActivityId("a1"), SalesActivityKind.Call, new RepId("ana"), Instant.FromUtc(2025, 3, 3, 9, 0), ActivityOutcomes.Connected);
        Activity? span = source.StartActivity("evaluate", ActivityKind.Internal);

        // No listener: no span is started, and the record is what was made.
        Assert.Null(span);
        Assert.Equal("call", call.Kind.Name);
        Assert.Equal(ActivityOutcomes.Connected, call.Outcomes);
    }
}
