using System.Globalization;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// Which slice of the grid this process runs: shard K of N (1-based, written <c>K/N</c>, 1 ≤ K ≤ N). Cells are dealt
/// round-robin over the global cell order of <see cref="ExperimentGrid.Cells"/>: cell i belongs to shard (i mod N) + 1,
/// so the N shards partition the grid and each gets an even mix of learning rates, layers and lambdas.
/// </summary>
/// <remarks>
/// All shards must be started with the same grid arguments (seeds, lambdas, layers, learning rates), otherwise the
/// global order, and with it the deal, differs between them.
/// </remarks>
public sealed record ShardSpec
{
    /// <summary>Environment variable holding the SLURM array task id.</summary>
    public const string SlurmTaskId = "SLURM_ARRAY_TASK_ID";

    /// <summary>Environment variable holding the number of tasks in the SLURM array.</summary>
    public const string SlurmTaskCount = "SLURM_ARRAY_TASK_COUNT";

    /// <summary>Environment variable holding the smallest task id of the SLURM array (ids need not start at 0 or 1).</summary>
    public const string SlurmTaskMin = "SLURM_ARRAY_TASK_MIN";

    /// <summary>Environment variable holding the id step of the SLURM array (<c>--array=0-15:4</c>).</summary>
    public const string SlurmTaskStep = "SLURM_ARRAY_TASK_STEP";

    /// <summary>Creates shard <paramref name="number"/> of <paramref name="count"/> (1-based).</summary>
    public ShardSpec(int number, int count)
    {
        if (count < 1 || number < 1 || number > count)
        {
            throw new ArgumentOutOfRangeException(nameof(number), $"shard {number}/{count}: expected 1 <= K <= N");
        }

        Number = number;
        Count = count;
    }

    /// <summary>The whole grid as one shard, 1/1.</summary>
    public static ShardSpec All { get; } = new(1, 1);

    /// <summary>K, this shard's 1-based number.</summary>
    public int Number { get; }

    /// <summary>N, the number of shards.</summary>
    public int Count { get; }

    /// <summary>True when the cell at <paramref name="globalIndex"/> of the grid's global order belongs to this shard.</summary>
    public bool Contains(int globalIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(globalIndex);
        return globalIndex % Count == Number - 1;
    }

    /// <summary>This shard's items of a globally ordered list, in their original order (a view: nothing is copied).</summary>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        int count = items.Count < Number ? 0 : ((items.Count - Number) / Count) + 1;
        return new IndexedList<T>(count, i => items[Number - 1 + (i * Count)]);
    }

    /// <summary>Parses <c>K/N</c> (1-based, 1 ≤ K ≤ N).</summary>
    /// <exception cref="GridSpecException">The text is not <c>K/N</c> with 1 ≤ K ≤ N.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int slash = text.IndexOf('/');
        if (slash < 0
            || !TryParseInt(text[..slash], out int k)
            || !TryParseInt(text[(slash + 1)..], out int n))
        {
            throw new GridSpecException(text, $"invalid shard '{text}': expected K/N, e.g. 1/4");
        }

        if (n < 1 || k < 1 || k > n)
        {
            throw new GridSpecException(text, $"invalid shard '{text}': expected 1 <= K <= N (shards are numbered from 1)");
        }

        return new ShardSpec(k, n);
    }

    /// <summary>
    /// The shard chosen by a SLURM job array, or null when <c>SLURM_ARRAY_TASK_ID</c> or <c>SLURM_ARRAY_TASK_COUNT</c> is unset.
    /// K = (id − min) / step + 1 with min = <c>SLURM_ARRAY_TASK_MIN</c> (0 when unset) and step = <c>SLURM_ARRAY_TASK_STEP</c>
    /// (1 when unset), N = <c>SLURM_ARRAY_TASK_COUNT</c>.
    /// </summary>
    /// <exception cref="GridSpecException">A variable is malformed or the id does not fall on one of the N tasks.</exception>
    public static ShardSpec? FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        string? idText = getVariable(SlurmTaskId), countText = getVariable(SlurmTaskCount);
        if (string.IsNullOrWhiteSpace(idText) || string.IsNullOrWhiteSpace(countText))
        {
            return null;
        }

        int id = ReadVariable(SlurmTaskId, idText);
        int count = ReadVariable(SlurmTaskCount, countText);
        string? minText = getVariable(SlurmTaskMin), stepText = getVariable(SlurmTaskStep);
        int min = string.IsNullOrWhiteSpace(minText) ? 0 : ReadVariable(SlurmTaskMin, minText);
        int step = string.IsNullOrWhiteSpace(stepText) ? 1 : ReadVariable(SlurmTaskStep, stepText);
        string described = $"{SlurmTaskId}={idText}, {SlurmTaskCount}={countText}, {SlurmTaskMin}={minText ?? "(unset)"}, {SlurmTaskStep}={stepText ?? "(unset)"}";
        long offset = (long)id - min;
        if (count < 1 || step < 1 || offset < 0 || offset % step != 0 || offset / step >= count)
        {
            throw new GridSpecException(idText, $"cannot derive a shard from {described}: expected MIN <= ID = MIN + STEP*(K-1) with K <= COUNT");
        }

        return new ShardSpec((int)(offset / step) + 1, count);
    }

    /// <summary>Same as <see cref="FromEnvironment(Func{string, string?})"/>, reading from a dictionary of variables.</summary>
    public static ShardSpec? FromEnvironment(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return FromEnvironment(name => variables.TryGetValue(name, out string? value) ? value : null);
    }

    /// <summary>
    /// The shard to run: <paramref name="argument"/> (<c>--shard K/N</c>) when given, else the SLURM array's, else <see cref="All"/>.
    /// Pass <see cref="Environment.GetEnvironmentVariable(string)"/> as <paramref name="getVariable"/> in production.
    /// </summary>
    public static ShardSpec Resolve(string? argument, Func<string, string?> getVariable) =>
        argument is not null ? Parse(argument) : FromEnvironment(getVariable) ?? All;

    /// <summary>The <c>K/N</c> form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number}/{Count}");

    private static bool TryParseInt(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static int ReadVariable(string name, string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new GridSpecException(text, $"invalid {name}='{text}': expected an integer");
}
