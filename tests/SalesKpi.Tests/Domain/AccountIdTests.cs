namespace SalesKpi.Tests.Domain;

public sealed class AccountIdTests : IdentifierTests<AccountId>
{
    protected override AccountId Create(string value) => new(value);

    protected override string ValueOf(AccountId id) => id.Value;
}
