"""What the 106-run grid costs in PyTorch: the original project's per-run work, timed cell by cell.

The grid's speed goal is a ratio of core-seconds: ours against what PyTorch needs for the same grid. A run
of the original (train.py's main, which benchmark.py calls once per cell, all cells in one process) does
three things, and this script does all three, the same way:

  - every epoch, one pass over the 6,000 training points in batches of 128: MSE, plus, when a symmetry
    layer is set and lambda(epoch) > 0, the orbit penalty 1/2 E||h(R1 x) - h(R2 x)||^2 at that layer
    (two fresh Haar rotations per point), backward, AdamW (lr 3e-4, no weight decay);
  - every epoch, evaluate() on the 2,000 validation points in batches of 128, under no_grad: the task
    loss and, when a layer is set (lambda 0 included), the orbit penalty at that layer;
  - at the end, evaluate() on the 2,000 test points.

Nothing is shared with LatentSymmetry but these definitions. lambda(epoch) is the original's 1 - cos
warm-up, so epoch 0 trains without the penalty in every cell. A cell's cost does not depend on the value
of lambda > 0 (the original never stops early), so the grid's 15 lambdas x 7 layers + 1 baseline are
priced from 15 cells: lambda 1 and lambda 0 at each layer, and the baseline.

--loader tensor (default) gathers each batch by indexing one tensor, the fastest way to feed PyTorch
(as ../shared/reference/torch_reference.py does); --loader original uses the original's DataLoader over
random_split subsets, which costs PyTorch more, per sample, in Python.

Output: one JSON line per cell (process CPU seconds of that cell: data, model, training, evaluation),
then one line with the grid's estimated core-seconds per run:
  (sum over layers of 14 x c(lambda 1, K) + c(lambda 0, K), plus c(baseline)) / 106.

Usage (one thread; Debian's python3 with python3-torch, as measure.sh installs it):
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 torch_grid.py [--epochs 100] [--loader tensor]
"""
import argparse, json, math, time
import torch
from torch_region import radial, haar_so3  # the field and the Haar sampler, as the lab's PyTorch check defines them


class Mlp(torch.nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.lin = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))

    def forward(self, x, upto=-1):
        # upto = K stops after hidden layer K's ReLU; -1 runs to the output.
        n = len(self.lin)
        for i, l in enumerate(self.lin, 1):
            x = l(x)
            if i < n:
                x = torch.relu(x)
            if i == upto:
                return x
        return x


def orbit_loss(model, x, layer, g):
    b = x.shape[0]
    x1 = torch.bmm(haar_so3(b, g), x.unsqueeze(-1)).squeeze(-1)
    x2 = torch.bmm(haar_so3(b, g), x.unsqueeze(-1)).squeeze(-1)
    d = model(x1, layer) - model(x2, layer)
    return 0.5 * d.pow(2).sum(1).mean()


def batches(X, Y, idx, shuffle, loader, g):
    if loader == 'original':
        ds = torch.utils.data.TensorDataset(X[idx], Y[idx])
        return torch.utils.data.DataLoader(ds, batch_size=128, shuffle=shuffle, generator=g if shuffle else None)
    order = idx[torch.randperm(len(idx), generator=g)] if shuffle else idx
    return [(X[order[i:i + 128]], Y[order[i:i + 128]]) for i in range(0, len(order), 128)]


def evaluate(model, X, Y, idx, layer, g, loader):
    with torch.no_grad():
        task = sym = 0.0
        n = 0
        for xb, yb in batches(X, Y, idx, False, loader, g):
            task += torch.nn.functional.mse_loss(model(xb), yb).item()
            if layer is not None:
                sym += orbit_loss(model, xb, layer, g).item()
            n += 1
        return task / n, (sym / n if layer is not None else None)


def run_cell(seed, layer, lam_max, epochs, loader):
    torch.manual_seed(seed)
    X = torch.rand(10000, 3) * 10 - 5
    Y = radial(X)
    perm = torch.randperm(10000)
    tr, va, te = perm[:6000], perm[6000:8000], perm[8000:]
    model = Mlp([3] + [128] * 6 + [1])
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.0)
    g = torch.Generator().manual_seed(seed + 7)
    shuffle = torch.Generator().manual_seed(seed + 11)
    for ep in range(epochs):
        lam = lam_max * (1 - math.cos(math.pi * ep / max(epochs - 1, 1))) / 2
        for xb, yb in batches(X, Y, tr, True, loader, shuffle):
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(model(xb), yb)
            if layer is not None and lam > 0:
                loss = loss + lam * orbit_loss(model, xb, layer, g)
            loss.backward()
            opt.step()
        evaluate(model, X, Y, va, layer, g, loader)
    return evaluate(model, X, Y, te, layer, g, loader)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--epochs', type=int, default=100)
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--loader', default='tensor', choices=['tensor', 'original'])
    a = p.parse_args()
    torch.set_num_threads(1)
    layers = [1, 2, 3, 4, 5, 6, -1]
    cells = [(k, lam) for k in layers for lam in (1.0, 0.0)] + [(None, 0.0)]
    cost = {}
    for layer, lam in cells:
        t0 = time.process_time()
        test_task, test_sym = run_cell(a.seed, layer, lam, a.epochs, a.loader)
        cost[(layer, lam)] = time.process_time() - t0
        print(json.dumps({'kernel': 'torch_cell', 'layer': layer, 'lambda': lam, 'loader': a.loader, 'epochs': a.epochs,
                          'core_seconds': round(cost[(layer, lam)], 3), 'test_task_loss': test_task, 'test_sym_loss': test_sym}), flush=True)
    grid = sum(14 * cost[(k, 1.0)] + cost[(k, 0.0)] for k in layers) + cost[(None, 0.0)]
    print(json.dumps({'kernel': 'torch_grid', 'loader': a.loader, 'epochs': a.epochs, 'runs': 106,
                      'core_seconds_per_run': round(grid / 106, 3)}), flush=True)


if __name__ == '__main__':
    main()
