using System.Numerics;

namespace LatentSymmetry.Autograd;

/// <summary>
/// A reverse-mode autodiff tape: operations (the extension methods in <c>LatentSymmetry.Autograd.Ops</c>)
/// compute eagerly and record a node with their backward rule; <see cref="Backward(Variable{T})"/> walks the nodes in
/// reverse and fills <see cref="Variable{T}.Grad"/> of every tensor that requires grad.
/// </summary>
/// <remarks>
/// A tape owns the storage of every tensor its operations produce and reuses it after <see cref="Reset"/>,
/// which is what makes a warm training step allocation-free. Typical step: <c>Reset()</c>, forward,
/// <c>Backward(loss)</c>, optimizer step. Not thread-safe; use one tape per thread.
/// </remarks>
public sealed class Tape<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly TensorArena<T> _arena = new();
    TapeNode<T>[] _nodes = new TapeNode<T>[64];
    int _count;
    int _noGradDepth;
    bool _consumed;
    // Leaves in order of their first use (node index), rebuilt by every backward with a consumer.
    Variable<T>[] _leaves = new Variable<T>[16];
    int[] _leafFirstNode = new int[16];
    int _leafCount;

    /// <summary>True unless inside a <see cref="NoGrad"/> scope.</summary>
    public bool IsRecording => _noGradDepth == 0;

    /// <summary>Number of operations recorded since the last <see cref="Reset"/>.</summary>
    public int NodeCount => _count;

    /// <summary>
    /// Forgets the recorded operations and recycles the storage of every tensor this tape produced.
    /// Gradients of leaf tensors are kept (an optimizer zeroes them).
    /// </summary>
    public void Reset()
    {
        Array.Clear(_nodes, 0, _count);
        _count = 0;
        _consumed = false;
        _arena.Rewind();
    }

    /// <summary>Starts a scope in which operations compute but record nothing (evaluation).</summary>
    public NoGradScope NoGrad()
    {
        _noGradDepth++;
        return new NoGradScope(this);
    }

    /// <summary>Ends a <see cref="NoGrad"/> scope.</summary>
    public readonly struct NoGradScope : IDisposable
    {
        readonly Tape<T> _tape;
        internal NoGradScope(Tape<T> tape) => _tape = tape;

        /// <summary>Resumes recording.</summary>
        public void Dispose() => _tape._noGradDepth--;
    }

    /// <summary>
    /// Back-propagates from a scalar (1 × 1) <paramref name="loss"/>: every tensor that requires grad and
    /// contributed to it gets d loss / d tensor added to its <see cref="Variable{T}.Grad"/>.
    /// A tape can run backward once per recording; call <see cref="Reset"/> and record again.
    /// </summary>
    public void Backward(Variable<T> loss) => Backward(loss, null);

    /// <summary>
    /// As <see cref="Backward(Variable{T})"/>, handing each leaf's gradient to <paramref name="consumer"/> as
    /// soon as it is complete: right after the rule of the first recorded operation that uses the leaf
    /// (rules run in reverse, so no later rule touches it). An optimizer updates that parameter there, while
    /// its gradient is still in cache. A rule may read and write only the tensors its node names (A, B,
    /// or a tensor in Context); that is what makes the first use the last touch.
    /// </summary>
    public void Backward(Variable<T> loss, IGradientConsumer<T>? consumer)
    {
        if (loss.Rows != 1 || loss.Cols != 1)
            throw new ArgumentException($"Backward needs a scalar loss of shape [1 x 1], got {loss.Shape}", nameof(loss));
        if (_consumed)
            throw new InvalidOperationException("Backward already ran on this tape's recording; call Reset() and record the computation again");
        if (!loss.RequiresGrad)
            throw new InvalidOperationException("the loss does not depend on any tensor that requires grad (was it computed inside NoGrad?)");
        _consumed = true;
        GradOf(loss).Span[0] += T.One;
        if (consumer is null)
        {
            for (int i = _count - 1; i >= 0; i--)
            {
                ref readonly var node = ref _nodes[i];
                if (node.Output.Grad is not null) node.Rule(this, in node);
            }
            return;
        }

        FindLeaves();
        consumer.BeginBackward();
        int next = _leafCount - 1;
        for (int i = _count - 1; i >= 0; i--)
        {
            ref readonly var node = ref _nodes[i];
            if (node.Output.Grad is not null) node.Rule(this, in node);
            for (; next >= 0 && _leafFirstNode[next] == i; next--) consumer.GradientFinished(_leaves[next]);
        }
        Array.Clear(_leaves, 0, _leafCount);
        consumer.EndBackward();
    }

    // Lists every leaf that requires grad with the index of the first node naming it, in node order.
    // A linear search: a step has a handful of parameters and a few dozen nodes.
    void FindLeaves()
    {
        _leafCount = 0;
        for (int i = 0; i < _count; i++)
        {
            ref readonly var node = ref _nodes[i];
            AddLeaf(node.A, i);
            AddLeaf(node.B, i);
            AddLeaf(node.Context as Variable<T>, i);
        }
    }

    void AddLeaf(Variable<T>? t, int node)
    {
        if (t is null || !t.IsLeaf || !t.RequiresGrad) return;
        for (int j = 0; j < _leafCount; j++)
            if (ReferenceEquals(_leaves[j], t)) return;
        if (_leafCount == _leaves.Length)
        {
            Array.Resize(ref _leaves, 2 * _leaves.Length);
            Array.Resize(ref _leafFirstNode, 2 * _leafFirstNode.Length);
        }
        _leaves[_leafCount] = t;
        _leafFirstNode[_leafCount++] = node;
    }

    /// <summary>
    /// The gradient buffer of <paramref name="t"/>, created zero-filled on first use. Backward rules add
    /// into it; they never overwrite it.
    /// </summary>
    public Variable<T> GradOf(Variable<T> t)
    {
        if (t.Grad is null)
            t.Grad = t.IsLeaf ? Variable<T>.Zeros(t.Rows, t.Cols) : _arena.Rent(t.Rows, t.Cols, requiresGrad: false, zeroed: true);
        return t.Grad;
    }

    /// <summary>
    /// The gradient buffer of <paramref name="t"/> for a rule that computes a whole gradient at once: when
    /// no gradient has reached <paramref name="t"/> yet, <paramref name="overwrite"/> is true and the buffer's
    /// contents are unspecified (the rule must write every element, saving a pass that zeroes it); otherwise
    /// the rule must add into it as usual.
    /// </summary>
    public Variable<T> GradForWrite(Variable<T> t, out bool overwrite)
    {
        overwrite = t.Grad is null && !t.IsLeaf;
        if (overwrite) t.Grad = _arena.Rent(t.Rows, t.Cols, requiresGrad: false, zeroed: false);
        return GradOf(t);
    }

    /// <summary>
    /// A tensor for an operation's result, from this tape's arena. It requires grad when any input does
    /// and the tape is recording; its contents are unspecified (the operation overwrites them).
    /// </summary>
    public Variable<T> NewOutput(int rows, int cols, Variable<T>? a, Variable<T>? b = null)
        => _arena.Rent(rows, cols, NeedsGrad(a, b), zeroed: false);

    /// <summary>A zero-filled scratch tensor from the arena that takes no part in autodiff.</summary>
    public Variable<T> NewScratch(int rows, int cols) => _arena.Rent(rows, cols, requiresGrad: false, zeroed: true);

    /// <summary>A view of consecutive rows of <paramref name="parent"/> (no copy).</summary>
    internal Variable<T> NewRowView(Variable<T> parent, int firstRow, int rows)
        => _arena.RentRowView(parent, firstRow, rows, NeedsGrad(parent, null));

    /// <summary>Whether an output computed from these inputs must be recorded.</summary>
    public bool NeedsGrad(Variable<T>? a, Variable<T>? b = null)
        => IsRecording && ((a?.RequiresGrad ?? false) || (b?.RequiresGrad ?? false));

    /// <summary>Records <paramref name="node"/> if its output requires grad.</summary>
    public void Record(in TapeNode<T> node)
    {
        if (!node.Output.RequiresGrad) return;
        if (_consumed)
            throw new InvalidOperationException("this tape already ran backward; call Reset() before recording a new computation");
        if (_count == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        _nodes[_count++] = node;
    }
}
