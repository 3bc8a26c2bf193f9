"""Independent PyTorch check of the symmetry lab's figures (README, "The symmetry lab: figures").

Runs the original project's protocol (6x128 ReLU MLP, PyTorch's default init, AdamW lr 3e-4 without
weight decay, batch 128 with the last smaller batch kept, 100 epochs, 10,000 points split 60/20/20) in
PyTorch, with nothing shared with LatentSymmetry but the definitions, so that our figures can be set
beside an implementation written independently of ours.

  cone: points uniform in [-5, 5]^3, f = exp(-0.5 R^2) cos(2 R^2); the split is drawn first and filtered
        after to the points whose direction is within --cone degrees of +z. Reports the in-region test
        MSE, the orbit MSE (the same test points each turned by a fresh Haar rotation, against the field
        at the turned point) and orbit_ratio = orbit / test. --mode plain | penalty (lambda at the output,
        1 - cos warm-up) | augment (every batch turned, one rotation per sample) | invariant (the MLP on |x|^2).
  disk: points uniform on the unit disk (r = sqrt(u), angle uniform), --field gaussian-ring
        (exp(-(r - 0.6)^2 / (2 0.08^2))) or fourier (cos 2 theta); plain MLP; reports the test MSE.

Usage (Debian's python3 with python3-torch, as ../shared/reference/measure.sh installs it):
  /usr/bin/python3 torch_region.py cone --mode plain --seed 1
  /usr/bin/python3 torch_region.py disk --field fourier --seed 1
"""
import argparse, math
import torch


def radial(x):
    r2 = (x * x).sum(-1, keepdim=True)
    return torch.exp(-0.5 * r2) * torch.cos(2 * r2)


def haar_so3(n, g):
    # A normalised Gaussian quaternion is uniform on S^3, so its rotation is Haar-distributed.
    q = torch.randn(n, 4, generator=g)
    q = q / q.norm(dim=-1, keepdim=True).clamp_min(1e-8)
    w, x, y, z = q.unbind(-1)
    return torch.stack([
        1 - 2*(y*y + z*z), 2*(x*y - z*w), 2*(x*z + y*w),
        2*(x*y + z*w), 1 - 2*(x*x + z*z), 2*(y*z - x*w),
        2*(x*z - y*w), 2*(y*z + x*w), 1 - 2*(x*x + y*y)], -1).view(n, 3, 3)


def turn(x, g):
    return torch.bmm(haar_so3(x.shape[0], g), x.unsqueeze(-1)).squeeze(-1)


class Mlp(torch.nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.lin = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))

    def forward(self, x):
        for i, l in enumerate(self.lin):
            x = l(x)
            if i < len(self.lin) - 1:
                x = torch.relu(x)
        return x


def train(model, params, X, Y, tr, epochs, step_extra=None, prepare=None):
    opt = torch.optim.AdamW(params, lr=3e-4, weight_decay=0.0)
    for ep in range(epochs):
        order = tr[torch.randperm(len(tr))]
        for i in range(0, len(order), 128):
            idx = order[i:i + 128]
            xb, yb = X[idx], Y[idx]
            if prepare is not None:
                xb = prepare(xb)
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(model(xb), yb)
            if step_extra is not None:
                loss = loss + step_extra(ep, xb)
            loss.backward()
            opt.step()


def cone(a):
    torch.manual_seed(a.seed)
    X = torch.rand(10000, 3) * 10 - 5
    Y = radial(X)
    perm = torch.randperm(10000)
    c = math.cos(math.radians(a.cone))
    keep = lambda idx: idx[X[idx, 2] >= c * X[idx].norm(dim=1)]
    tr, te = keep(perm[:6000]), keep(perm[8000:])
    g = torch.Generator().manual_seed(a.seed + 7)
    if a.mode == 'invariant':
        net = Mlp([1] + [128] * 6 + [1])
        model = lambda x: net((x * x).sum(-1, keepdim=True))
    else:
        net = Mlp([3] + [128] * 6 + [1])
        model = net
    extra = prepare = None
    if a.mode == 'penalty':
        def extra(ep, xb):
            lam = a.lam * (1 - math.cos(math.pi * ep / max(a.epochs - 1, 1))) / 2
            if lam == 0:
                return 0
            d = model(turn(xb, g)) - model(turn(xb, g))
            return lam * 0.5 * d.pow(2).sum(1).mean()
    elif a.mode == 'augment':
        prepare = lambda xb: turn(xb, g)
    train(model, net.parameters(), X, Y, tr, a.epochs, extra, prepare)
    with torch.no_grad():
        xt = X[te]
        test = torch.nn.functional.mse_loss(model(xt), Y[te]).item()
        xr = turn(xt, g)
        orbit = torch.nn.functional.mse_loss(model(xr), radial(xr)).item()
    print(f'cone:{a.cone:g} {a.mode} seed {a.seed} train_points {len(tr)} test_points {len(te)} '
          f'test {test:.4e} orbit {orbit:.4e} ratio {orbit / test:.4g}')


def disk(a):
    torch.manual_seed(a.seed)
    r = torch.rand(10000).sqrt()
    t = torch.rand(10000) * 2 * math.pi - math.pi
    X = torch.stack([r * torch.cos(t), r * torch.sin(t)], 1)
    Y = (torch.exp(-(r - 0.6) ** 2 / (2 * 0.08 ** 2)) if a.field == 'gaussian-ring' else torch.cos(2 * t)).unsqueeze(1)
    perm = torch.randperm(10000)
    tr, te = perm[:6000], perm[8000:]
    net = Mlp([2] + [128] * 6 + [1])
    train(net, net.parameters(), X, Y, tr, a.epochs)
    with torch.no_grad():
        test = torch.nn.functional.mse_loss(net(X[te]), Y[te]).item()
    print(f'disk {a.field} seed {a.seed} test {test:.4e}')


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('setup', choices=['cone', 'disk'])
    p.add_argument('--mode', default='plain', choices=['plain', 'penalty', 'augment', 'invariant'])
    p.add_argument('--field', default='gaussian-ring', choices=['gaussian-ring', 'fourier'])
    p.add_argument('--cone', type=float, default=60)
    p.add_argument('--lam', type=float, default=1.0)
    p.add_argument('--epochs', type=int, default=100)
    p.add_argument('--seed', type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(1)
    (cone if a.setup == 'cone' else disk)(a)


if __name__ == '__main__':
    main()
