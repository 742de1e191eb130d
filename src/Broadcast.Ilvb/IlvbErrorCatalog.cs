using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Broadcast.Ilvb;

/// <summary>
/// Every code of the seed's two error tables (65) with its description, advice and category.
/// Categories: the configured transient codes are <see cref="IlvbErrorCategory.Transient"/>;
/// codes whose advice says "This may be caused by network problem, please try again" are
/// <see cref="IlvbErrorCategory.RetryAdvised"/>; <see cref="AlreadyDoneCodes"/> are
/// <see cref="IlvbErrorCategory.AlreadyDone"/>; 30000415 is <see cref="IlvbErrorCategory.Ambiguous"/>;
/// all others, and unknown codes, are <see cref="IlvbErrorCategory.Fatal"/>.
/// </summary>
public sealed class IlvbErrorCatalog
{
    /// <summary>The seed's advice that marks a code as worth retrying.</summary>
    public const string RetryAdvicePrefix = "This may be caused by network problem, please try again";

    /// <summary>"Recording started; or the initiator does not exist": cannot tell which.</summary>
    public const long AmbiguousCode = 30000415;

    private static readonly FrozenDictionary<long, string> HeaderDescriptions = new Dictionary<long, string>
    {
        [-1] = "Header result -1: unpacking error",
        [-2] = "Header result -2: packet error",
        [-3] = "Header result -3: internal service failed",
        [-4] = "Header result -4: header verification failed",
        [-5] = "Header result -5: the av_token verification failed",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<long, IlvbErrorEntry> _entries;

    /// <summary>Creates the catalog with the default transient codes.</summary>
    public IlvbErrorCatalog()
        : this(null)
    {
    }

    /// <summary>Creates the catalog.</summary>
    /// <param name="transientCodes">The codes to retry as transient; null for <see cref="DefaultTransientCodes"/>.</param>
    /// <exception cref="ArgumentException">A code is not positive, or is an already-done or ambiguous code.</exception>
    public IlvbErrorCatalog(IEnumerable<long>? transientCodes)
    {
        var transient = (transientCodes ?? DefaultTransientCodes).ToFrozenSet();
        var problems = CheckTransientCodes(transient);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(transientCodes));
        }

        TransientCodes = transient;
        Entries = IlvbErrorCodes.Rows
            .Select(row => new IlvbErrorEntry(row.Code, row.Table, row.Description, row.Advice, Categorize(row.Code, row.Advice, transient)))
            .ToList();
        _entries = Entries.ToFrozenDictionary(entry => entry.Code);
    }

    /// <summary>The default transient codes: 40000207, 40000208 (push), 30000208 (recording).</summary>
    public static IReadOnlyList<long> DefaultTransientCodes { get; } = [40000207, 40000208, 30000208];

    /// <summary>Codes meaning the wanted state already holds: push or recording already ended, push already running.</summary>
    public static IReadOnlyList<long> AlreadyDoneCodes { get; } = [40000412, 40000413, 30000412, 30000413, 40000415];

    /// <summary>The catalog with the default transient codes.</summary>
    /// <remarks>Declared after the code lists: static initializers run in text order.</remarks>
    public static IlvbErrorCatalog Default { get; } = new();

    /// <summary>The seed's codes, in the seed's order.</summary>
    public IReadOnlyList<IlvbErrorEntry> Entries { get; }

    /// <summary>The codes this catalog classifies as transient.</summary>
    public IReadOnlySet<long> TransientCodes { get; }

    /// <summary>
    /// The entry of a body-level code. An unknown code gets a Fatal entry described as
    /// "Unknown videorelay code N" (Transient when it is one of <see cref="TransientCodes"/>).
    /// </summary>
    public IlvbErrorEntry Lookup(long code) =>
        _entries.TryGetValue(code, out var entry)
            ? entry
            : new IlvbErrorEntry(
                code,
                IlvbErrorTable.Unknown,
                $"Unknown videorelay code {code}",
                null,
                TransientCodes.Contains(code) ? IlvbErrorCategory.Transient : IlvbErrorCategory.Fatal);

    /// <summary>The entry of a code of the seed's tables.</summary>
    public bool TryGetEntry(long code, [NotNullWhen(true)] out IlvbErrorEntry? entry) => _entries.TryGetValue(code, out entry);

    /// <summary>The category of a body-level code.</summary>
    public IlvbErrorCategory Classify(long code) => Lookup(code).Category;

    /// <summary>
    /// The entry of a non-zero header <c>uint32_result</c>: -3 (internal service failed) is
    /// Transient, the others Fatal.
    /// </summary>
    public static IlvbErrorEntry LookupHeaderResult(long result) =>
        new(
            result,
            IlvbErrorTable.Header,
            HeaderDescriptions.TryGetValue(result, out var description) ? description : $"Unknown header result {result}",
            null,
            result == -3 ? IlvbErrorCategory.Transient : IlvbErrorCategory.Fatal);

    /// <summary>Problems with a set of transient codes, each naming the code; empty when it is fine.</summary>
    internal static IReadOnlyList<string> CheckTransientCodes(IEnumerable<long> codes)
    {
        var problems = new List<string>();
        foreach (var code in codes)
        {
            if (code <= 0)
            {
                problems.Add($"{code} is not a videorelay body code (they are positive).");
            }
            else if (AlreadyDoneCodes.Contains(code) || code == AmbiguousCode)
            {
                problems.Add($"{code} cannot be transient: it means the operation already took effect.");
            }
        }

        return problems;
    }

    private static IlvbErrorCategory Categorize(long code, string advice, FrozenSet<long> transient)
    {
        if (AlreadyDoneCodes.Contains(code))
        {
            return IlvbErrorCategory.AlreadyDone;
        }

        if (code == AmbiguousCode)
        {
            return IlvbErrorCategory.Ambiguous;
        }

        if (transient.Contains(code))
        {
            return IlvbErrorCategory.Transient;
        }

        return advice.StartsWith(RetryAdvicePrefix, StringComparison.Ordinal) ? IlvbErrorCategory.RetryAdvised : IlvbErrorCategory.Fatal;
    }
}
