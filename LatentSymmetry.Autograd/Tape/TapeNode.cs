using System.Numerics;

namespace LatentSymmetry.Autograd;

/// <summary>
/// Pushes the gradient of <see cref="TapeNode{T}.Output"/> into the gradients of the node's inputs,
/// accumulating (<c>+=</c>) so that a tensor used twice receives both contributions.
/// </summary>
public delegate void BackwardRule<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>
/// One recorded operation: its inputs, its output, the few scalars its backward rule needs, and the rule.
/// A struct with a static (non-capturing, hence cached) delegate, so recording allocates nothing.
/// </summary>
public readonly struct TapeNode<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a node.</summary>
    public TapeNode(BackwardRule<T> rule, Variable<T> output, Variable<T>? a, Variable<T>? b = null, T scalar = default, int integer = 0, object? context = null)
    {
        Rule = rule;
        Output = output;
        A = a;
        B = b;
        Scalar = scalar;
        Integer = integer;
        Context = context;
    }

    /// <summary>The backward rule.</summary>
    public BackwardRule<T> Rule { get; }

    /// <summary>The operation's output.</summary>
    public Variable<T> Output { get; }

    /// <summary>The first input, if any.</summary>
    public Variable<T>? A { get; }

    /// <summary>The second input, if any.</summary>
    public Variable<T>? B { get; }

    /// <summary>A scalar argument (a scale factor).</summary>
    public T Scalar { get; }

    /// <summary>An integer argument of the operation (a GEMM form, a row offset, a 0/1 switch such as ReLU on or off).</summary>
    public int Integer { get; }

    /// <summary>
    /// What else the rule needs that is not A or B: a third input tensor (a bias), the inputs of a concatenation, a
    /// group whose invariants were taken. A tensor here counts as an input for the tape's leaf bookkeeping.
    /// </summary>
    public object? Context { get; }
}
