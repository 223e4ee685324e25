using System.Reflection;
using System.Runtime.Serialization;
using Rtl.Jobs;

namespace Rtl.IntegrationTests.Errors;

/// <summary>
/// Every exception type the product declares (public or internal, in the Rtl assemblies the <c>rtl</c>
/// executable is built from), found by reflection so a new one is covered without editing a list.
/// </summary>
public static class ProductExceptions
{
    public static readonly IReadOnlyList<Type> All = Discover();

    public static Type Named(string fullName) =>
        All.SingleOrDefault(t => t.FullName == fullName)
        ?? throw new ArgumentException($"no product exception type named '{fullName}' (found: {string.Join(", ", All.Select(t => t.FullName))})");

    /// <summary>
    /// An instance with a distinct value in every constructor argument, the same each time it is made, so
    /// the silo's copy and the test's expectation can be compared.
    /// </summary>
    public static Exception Sample(Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(c => !c.GetParameters().Any(p => p.ParameterType == typeof(SerializationInfo)))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"{type.FullName} has no constructor ProductExceptions.Sample can call");
        var arguments = constructor.GetParameters().Select(p => SampleValue(type, p)).ToArray();
        return (Exception)constructor.Invoke(arguments);
    }

    /// <summary>The properties a type adds to <see cref="Exception"/>'s own: what must survive the trip besides the message.</summary>
    public static IEnumerable<PropertyInfo> ExtraProperties(Type type)
    {
        for (var declaring = type; declaring is not null && IsProduct(declaring.Assembly); declaring = declaring.BaseType)
        {
            foreach (var property in declaring.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                yield return property;
            }
        }
    }

    private static object? SampleValue(Type type, ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => $"{type.Name}.{parameter.Name}: sample text",
        var t when t == typeof(Exception) => new InvalidOperationException($"inner cause of {type.Name}"),
        var t when t == typeof(int) => 7,
        var t when t == typeof(long) => 7L,
        var t when t == typeof(double) => 7.5,
        var t when t == typeof(bool) => true,
        var t when t == typeof(Guid) => new Guid("0b3c2c6e-5f0a-4d55-9a3e-3c9d1f3f0a01"),
        var t when t == typeof(JobResult) => new JobResult(
            new Guid("0b3c2c6e-5f0a-4d55-9a3e-3c9d1f3f0a02"), null, [], 12.5, new RtlError(RtlErrorKind.Argument, $"{type.Name}: sample failure", 0, "add")),
        var t when t == typeof(RtlError) => new RtlError(RtlErrorKind.Argument, $"{type.Name}.{parameter.Name}: sample failure", 0, "add", "operations[0].b"),
        var t => throw new NotSupportedException(
            $"ProductExceptions.SampleValue has no value for parameter '{parameter.Name}' ({t.FullName}) of {type.FullName}'s constructor: add one"),
    };

    private static List<Type> Discover()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(Rtl.Silo.Cli.Cli).Assembly]);
        var types = new List<Type>();
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name!))
            {
                continue;
            }

            types.AddRange(assembly.GetTypes().Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract && !t.IsGenericTypeDefinition));
            foreach (var reference in assembly.GetReferencedAssemblies().Where(IsProduct))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }

        return [.. types.OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    // The executable is "rtl"; every library is "Rtl.<something>".
    private static bool IsProduct(Assembly assembly) => IsProduct(assembly.GetName());

    private static bool IsProduct(AssemblyName name) =>
        name.Name is "rtl" || name.Name!.StartsWith("Rtl.", StringComparison.Ordinal);
}
