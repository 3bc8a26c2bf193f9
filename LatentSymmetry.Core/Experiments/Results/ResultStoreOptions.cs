namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>Settings of a <see cref="ResultStore"/>.</summary>
public sealed record ResultStoreOptions
{
    /// <summary>How long to wait for another writer's lock before giving up (default 2 minutes; a lock is held for milliseconds).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Columns of files the store creates (default <see cref="ResultColumns.Extended"/>); existing files keep their own header.</summary>
    public IReadOnlyList<string> Columns { get; init; } = ResultColumns.Extended;
}
