using System.Reflection;
using Xunit.Sdk;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>
/// Checks that every way of comparing two values agrees: <see cref="object.Equals(object)"/>,
/// <see cref="IEquatable{T}.Equals(T)"/>, <c>==</c>, <c>!=</c> and <see cref="object.GetHashCode"/>.
/// </summary>
/// <remarks>
/// The operators are found by reflection (<c>op_Equality</c> and <c>op_Inequality</c> taking two <c>T</c>),
/// so a type that implements <see cref="IEquatable{T}"/> without them fails here too. Each check runs in both
/// directions, and every value is also checked to be equal to itself and unequal to null and to an object of another type.
/// </remarks>
public static class EqualityAssert
{
    /// <summary>
    /// Asserts that <paramref name="value"/> equals <paramref name="equalValue"/> (with the same hash code) and differs
    /// from each of <paramref name="unequalValues"/>; pass one unequal value per distinguishing property.
    /// </summary>
    public static void EqualAndUnequal<T>(T value, T equalValue, params T[] unequalValues)
        where T : IEquatable<T>
    {
        Equal(value, equalValue);
        for (var i = 0; i < unequalValues.Length; i++)
        {
            NotEqual(value, unequalValues[i], $"unequal value {i}");
        }
    }

    /// <summary>Asserts that two values are equal in every way and have the same hash code.</summary>
    public static void Equal<T>(T left, T right)
        where T : IEquatable<T>
    {
        Reflexive(left);
        Reflexive(right);
        Agree(left, right, expected: true, "equal pair");
        Agree(right, left, expected: true, "equal pair, reversed");
        Check(
            left.GetHashCode() == right.GetHashCode(),
            $"GetHashCode differs for equal values: {left.GetHashCode()} for {Show(left)}, {right.GetHashCode()} for {Show(right)}.");
    }

    /// <summary>Asserts that two values are unequal in every way.</summary>
    public static void NotEqual<T>(T left, T right)
        where T : IEquatable<T> =>
        NotEqual(left, right, "unequal pair");

    private static void NotEqual<T>(T left, T right, string what)
        where T : IEquatable<T>
    {
        Reflexive(right);
        Agree(left, right, expected: false, what);
        Agree(right, left, expected: false, what + ", reversed");
    }

    private static void Agree<T>(T left, T right, bool expected, string what)
        where T : IEquatable<T>
    {
        var context = $"{typeof(T).Name}, {what}: {Show(left)} vs {Show(right)}";
        Check(left.Equals(right) == expected, $"IEquatable<T>.Equals returned {!expected}; expected {expected} ({context}).");
        Check(EqualsObject(left, right) == expected, $"Equals(object) returned {!expected}; expected {expected} ({context}).");
        Check(Operators<T>.Equality(left, right) == expected, $"== returned {!expected}; expected {expected} ({context}).");
        Check(Operators<T>.Inequality(left, right) != expected, $"!= returned {expected}; expected {!expected} ({context}).");
    }

    private static void Reflexive<T>(T value)
        where T : IEquatable<T>
    {
        var context = $"{typeof(T).Name}: {Show(value)}";
        Check(value.Equals(value), $"A value is not IEquatable<T>.Equals to itself ({context}).");
        Check(EqualsObject(value, value), $"A value is not Equals(object) to itself ({context}).");
        Check(Operators<T>.Equality(value, value), $"A value is not == to itself ({context}).");
        Check(!Operators<T>.Inequality(value, value), $"A value is != to itself ({context}).");
        Check(value.GetHashCode() == value.GetHashCode(), $"GetHashCode is not stable ({context}).");
        Check(!EqualsObject(value, null), $"A value Equals(object) null ({context}).");
        Check(!EqualsObject(value, new object()), $"A value Equals(object) an object of another type ({context}).");
        if (!typeof(T).IsValueType)
        {
            Check(!value.Equals(default(T)), $"A value is IEquatable<T>.Equals to null ({context}).");
            Check(!Operators<T>.Equality(value, default!), $"value == null returned true ({context}).");
            Check(!Operators<T>.Equality(default!, value), $"null == value returned true ({context}).");
            Check(Operators<T>.Inequality(value, default!), $"value != null returned false ({context}).");
            Check(Operators<T>.Equality(default!, default!), $"null == null returned false ({context}).");
        }
    }

    // Calls the Equals(object) override; a helper so the compiler's [NotNullWhen] flow analysis does not leak into callers.
    private static bool EqualsObject(object self, object? other) => self.Equals(other);

    private static string Show<T>(T value) => value is null ? "null" : $"<{value}>";

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new XunitException(message);
        }
    }

    /// <summary>The <c>==</c> and <c>!=</c> operators of <typeparamref name="T"/>, found once by reflection.</summary>
    private static class Operators<T>
    {
        public static readonly Func<T, T, bool> Equality = Find("op_Equality", "==");

        public static readonly Func<T, T, bool> Inequality = Find("op_Inequality", "!=");

        private static Func<T, T, bool> Find(string name, string symbol)
        {
            var method = typeof(T).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [typeof(T), typeof(T)]);
            if (method is null || method.ReturnType != typeof(bool))
            {
                return (_, _) => throw new XunitException(
                    $"{typeof(T).FullName} implements IEquatable<{typeof(T).Name}> but defines no public static bool operator {symbol}({typeof(T).Name}, {typeof(T).Name}).");
            }

            return method.CreateDelegate<Func<T, T, bool>>();
        }
    }
}
