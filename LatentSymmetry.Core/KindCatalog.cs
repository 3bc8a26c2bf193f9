namespace LatentSymmetry.Core;

/// <summary>
/// An open, ordered set of named kinds (model kinds, penalty kinds): one registration adds a kind, and the command
/// line's parsing, help lists and error messages read the names from here. Names are unique and matched ignoring case.
/// </summary>
/// <param name="what">What a kind is called in messages, e.g. "model kind".</param>
/// <param name="nameOf">A kind's name.</param>
internal sealed class KindCatalog<TKind>(string what, Func<TKind, string> nameOf) where TKind : class
{
    readonly List<TKind> _kinds = [];

    /// <summary>Every registered kind, in registration order.</summary>
    public IReadOnlyList<TKind> All => _kinds;

    /// <summary>The names joined by ", ", for messages and help.</summary>
    public string ValidNames => string.Join(", ", _kinds.Select(nameOf));

    /// <summary>Adds <paramref name="kind"/> (its name must be new) and returns it.</summary>
    public TKind Register(TKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        lock (_kinds)
        {
            if (_kinds.Any(k => nameOf(k) == nameOf(kind))) throw new ArgumentException($"a {what} named '{nameOf(kind)}' is registered already", nameof(kind));
            _kinds.Add(kind);
        }
        return kind;
    }

    /// <summary>The kind of <paramref name="name"/> (any case, trimmed), or null.</summary>
    public TKind? Find(string? name) => _kinds.FirstOrDefault(k => string.Equals(nameOf(k), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
