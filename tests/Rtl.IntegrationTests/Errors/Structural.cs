using System.Collections;
using System.Reflection;

namespace Rtl.IntegrationTests.Errors;

/// <summary>Compares two values by what they hold (records with lists inside compare lists by reference).</summary>
public static class Structural
{
    /// <summary>Null when equal, else where the first difference is, e.g. <c>.Stages[0].Silo: 'a' vs 'b'</c>.</summary>
    public static string? Difference(object? expected, object? actual, string at = "")
    {
        if (expected is null || actual is null || expected is string || expected.GetType().IsPrimitive || expected is Guid or decimal)
        {
            return Equals(expected, actual) ? null : $"{at}: {Show(expected)} vs {Show(actual)}";
        }

        if (expected.GetType() != actual.GetType())
        {
            return $"{at}: {expected.GetType().Name} vs {actual.GetType().Name}";
        }

        if (expected is IEnumerable items)
        {
            var left = items.Cast<object?>().ToArray();
            var right = ((IEnumerable)actual).Cast<object?>().ToArray();
            return left.Length != right.Length
                ? $"{at}: {left.Length} items vs {right.Length}"
                : left.Zip(right).Select((pair, i) => Difference(pair.First, pair.Second, $"{at}[{i}]")).FirstOrDefault(d => d is not null);
        }

        return expected.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => Difference(p.GetValue(expected), p.GetValue(actual), $"{at}.{p.Name}"))
            .FirstOrDefault(d => d is not null);
    }

    private static string Show(object? value) => value is null ? "null" : $"'{value}'";
}
