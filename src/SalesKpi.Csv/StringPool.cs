namespace SalesKpi.Csv;

/// <summary>
/// One string per distinct text, looked up by span: the owners, kinds, sources and accounts that repeat on every row
/// are kept once per import instead of once per record.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the pooled string equal to a text, adding it the first time.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var added = text.ToString();
        _strings.Add(added);
        return added;
    }
}

/// <summary>The currencies of an import, looked up by the span of their code.</summary>
internal sealed class CurrencyPool
{
    private readonly Dictionary<string, Currency> _currencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Currency>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CurrencyPool() => _lookup = _currencies.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool TryGet(ReadOnlySpan<char> code, out Currency currency) => _lookup.TryGetValue(code, out currency);

    public Currency Add(Currency currency)
    {
        _currencies.TryAdd(currency.Code, currency);
        return currency;
    }
}
