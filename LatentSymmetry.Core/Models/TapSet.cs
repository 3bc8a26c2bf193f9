using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// Reads named taps during one whole forward pass: each path is resolved to its module once, and every container
/// offers its children's outputs as it runs them, so a tap inside a branch (where no stage boundary is) can be read.
/// Offering allocates nothing; the set can be reused for pass after pass.
/// </summary>
public sealed class TapSet<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly Module<T> _root;
    readonly Module<T>[] _modules;
    readonly Variable<T>?[] _values;

    /// <summary>Taps <paramref name="paths"/> of <paramref name="root"/> (the empty path is its output).</summary>
    /// <exception cref="ArgumentException">A path names no module.</exception>
    public TapSet(Module<T> root, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(paths);
        _root = root;
        Paths = paths;
        _modules = new Module<T>[paths.Count];
        _values = new Variable<T>?[paths.Count];
        for (int i = 0; i < paths.Count; i++)
            _modules[i] = root.Find(paths[i]) ?? throw new ArgumentException($"no module at '{paths[i]}'; taps: {string.Join(", ", root.TapPaths().Where(p => p.Length > 0))}", nameof(paths));
    }

    /// <summary>The tapped paths, in the order of <see cref="this[int]"/>.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The output of tap <paramref name="i"/> in the last <see cref="Forward"/>.</summary>
    public Variable<T> this[int i] => _values[i] ?? throw new InvalidOperationException($"tap '{Paths[i]}' was not reached by the last forward pass");

    /// <summary>Runs the root on x, recording every tap; returns the root's output.</summary>
    public Variable<T> Forward(Tape<T> tape, Variable<T> x)
    {
        Array.Clear(_values);
        var y = _root.Run(tape, x, this);
        Offer(_root, y);
        return y;
    }

    /// <summary>Called by a container with the output of its child <paramref name="module"/>.</summary>
    public void Offer(Module<T> module, Variable<T> output)
    {
        for (int i = 0; i < _modules.Length; i++)
            if (ReferenceEquals(_modules[i], module)) _values[i] = output;
    }
}
