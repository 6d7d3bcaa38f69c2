using System.Runtime.CompilerServices;
using SalesKpi.Activities;
using SalesKpi.Leads;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class SalesDataTests
{
    [Fact]
    public async Task CreateAsync_Streams_KeepEveryRecordInOrder()
    {
        Lead[] leads = [CreateLead(id: "L1"), CreateLead(id: "L2")];
        SalesActivity[] activities = [CreateActivity(), CreateActivity()];

        var crm = new FakeCrm(leads, activities);
        var cancellationToken = CancellationToken.None;

        // <snippet:sources-async>
        SalesData data = await SalesData.CreateAsync(
            leads: crm.ReadLeadsAsync(cancellationToken),
            activities: crm.ReadActivitiesAsync(cancellationToken),
            cancellationToken: cancellationToken);
        // </snippet:sources-async>

        Assert.Equal(SalesData.Create(leads: leads, activities: activities), data);
    }

    [Fact]
    public async Task CreateAsync_NullElement_ThrowsArgumentExceptionGivingIndex()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>("leads", () => SalesData.CreateAsync(leads: Stream([CreateLead(), null!])));

        Assert.Contains("Element 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Cancelled_StopsTheStream()
    {
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        async IAsyncEnumerable<Lead> Endless([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                if (++read == 3)
                {
                    await cancellation.CancelAsync();
                }

                yield return CreateLead(id: "L" + read);
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SalesData.CreateAsync(leads: Endless(), cancellationToken: cancellation.Token));
        Assert.Equal(3, read);
    }

    /// <summary>A CRM client that streams its records, as the docs' example calls one.</summary>
    private sealed class FakeCrm(Lead[] leads, SalesActivity[] activities)
    {
        public IAsyncEnumerable<Lead> ReadLeadsAsync(CancellationToken cancellationToken) => Stream(leads);

        public IAsyncEnumerable<SalesActivity> ReadActivitiesAsync(CancellationToken cancellationToken) => Stream(activities);
    }

    private static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
