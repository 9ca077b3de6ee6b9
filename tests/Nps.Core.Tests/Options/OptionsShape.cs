using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Nps.AspNetCore;
using Nps.AspNetCore.Delivery;
using Nps.AspNetCore.Security;
using Nps.AspNetCore.Survey;

namespace Nps.Tests.Options;

/// <summary>
/// The shape of the options types, read by reflection: which of them configuration binds, which properties have a
/// public setter, a filled instance (every property unlike its default) and an instance as configuration keys.
/// </summary>
internal static class OptionsShape
{
    /// <summary>The options types the packages bind from configuration, each with the section it is bound from.</summary>
    public static readonly (Type Type, string Section)[] BoundRoots =
    [
        (typeof(NpsOptions), "Nps"), (typeof(NpsWebOptions), NpsWebOptions.SectionName),
        (typeof(NpsSurveyOptions), NpsSurveyOptions.SectionName), (typeof(ApiKeyOptions), ApiKeyOptions.Section),
        (typeof(JwtOptions), JwtOptions.Section), (typeof(NpsDeliveryOptions), NpsDeliveryOptions.SectionName),
    ];

    /// <summary>The properties configuration binding sees: public, instance, with a public setter (<c>set</c> or <c>init</c>).</summary>
    public static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    /// <summary>The properties of <paramref name="type"/> with a public <c>set</c> accessor (not <c>init</c>): what makes it mutable.</summary>
    public static IEnumerable<string> PublicSetters(Type type) =>
        Settable(type).Where(p => !p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{type.Name}.{p.Name}");

    /// <summary>The Nps types configuration binding builds from <paramref name="roots"/>: the roots and, through their settable properties, every nested one.</summary>
    public static HashSet<Type> BoundClosure(IEnumerable<Type> roots)
    {
        var found = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!IsComplex(type) || !found.Add(type)) continue;
            foreach (var property in Settable(type))
            {
                foreach (var reached in Reached(property.PropertyType)) pending.Enqueue(reached);
            }
        }

        return found;
    }

    /// <summary>An instance of <paramref name="type"/> whose every settable property (nested ones too) differs from its default.</summary>
    public static object Filled(Type type, int seed)
    {
        var instance = Activator.CreateInstance(type)!;
        var n = seed;
        foreach (var property in Settable(type)) property.SetValue(instance, ValueFor(property.PropertyType, property.GetValue(instance), ++n));
        return instance;
    }

    /// <summary>
    /// <paramref name="value"/> as configuration keys under <paramref name="prefix"/>, values written invariantly; an
    /// empty collection as <c>[]</c> and a null as <c>(null)</c>, so that two instances compare by their keys.
    /// </summary>
    public static SortedDictionary<string, string?> Keys(object? value, string prefix)
    {
        var keys = new SortedDictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(value, prefix, keys);
        return keys;
    }

    private static void Flatten(object? value, string prefix, SortedDictionary<string, string?> keys)
    {
        switch (value)
        {
            case null:
                keys[prefix] = "(null)";
                return;
            case var _ when !IsComplex(value.GetType()) && value is not IEnumerable or string:
                keys[prefix] = Text(value);
                return;
            case IDictionary dictionary:
                if (dictionary.Count == 0) keys[prefix] = "[]";
                foreach (DictionaryEntry entry in dictionary) Flatten(entry.Value, $"{prefix}:{entry.Key}", keys);
                return;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items) Flatten(item, $"{prefix}:{i++}", keys);
                if (i == 0) keys[prefix] = "[]";
                return;
            default:
                foreach (var property in Settable(value.GetType())) Flatten(property.GetValue(value), $"{prefix}:{property.Name}", keys);
                return;
        }
    }

    private static string Text(object value) => value switch
    {
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static object ValueFor(Type type, object? current, int n)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return ValueFor(underlying, null, n);
        if (type == typeof(string)) return $"v{n}";
        if (type == typeof(int)) return (current is int i ? i : 0) + 1 + n;
        if (type == typeof(long)) return (current is long l ? l : 0) + 1 + n;
        if (type == typeof(double)) return (current is double d ? d : 0) + 0.125 + n;
        if (type == typeof(bool)) return current is not true;
        if (type == typeof(TimeSpan)) return (current is TimeSpan s ? s : TimeSpan.Zero) + TimeSpan.FromMinutes(n + 1);
        if (type == typeof(DateTimeOffset)) return (current is DateTimeOffset t ? t : DateTimeOffset.UnixEpoch) + TimeSpan.FromDays(n + 1);
        if (type == typeof(TimeOnly)) return (current is TimeOnly o ? o : TimeOnly.MinValue).AddMinutes(n + 1);
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.Cast<object>().Where(v => !v.Equals(current ?? Activator.CreateInstance(type))).ElementAt(n % (values.Length - 1));
        }

        if (type.IsGenericType && DictionaryTypes.Contains(type.GetGenericTypeDefinition()))
        {
            var arguments = type.GetGenericArguments();
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            dictionary.Add($"k{n}", ValueFor(arguments[1], null, n));
            dictionary.Add($"k{n + 1}", ValueFor(arguments[1], null, n + 1));
            return dictionary;
        }

        if (type.IsGenericType && ListTypes.Contains(type.GetGenericTypeDefinition()))
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(ValueFor(element, null, n));
            list.Add(ValueFor(element, null, n + 1));
            return list;
        }

        if (IsComplex(type)) return Filled(type, n * 100);
        throw new NotSupportedException($"No sample value for {type}: teach OptionsShape this type.");
    }

    private static readonly Type[] DictionaryTypes = [typeof(Dictionary<,>), typeof(IReadOnlyDictionary<,>), typeof(IDictionary<,>)];

    private static readonly Type[] ListTypes = [typeof(List<>), typeof(IReadOnlyList<>), typeof(IList<>), typeof(IEnumerable<>), typeof(IReadOnlyCollection<>)];

    // An Nps class with properties: bound key by key (a string, a number, an enum or a collection is bound as a value or items).
    private static bool IsComplex(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Nps", StringComparison.Ordinal) == true;

    private static IEnumerable<Type> Reached(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return Reached(underlying);
        if (type.IsGenericType) return type.GetGenericArguments().SelectMany(Reached);
        return IsComplex(type) ? [type] : [];
    }
}
