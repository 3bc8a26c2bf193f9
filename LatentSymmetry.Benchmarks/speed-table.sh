#!/usr/bin/env bash
# Every figure of the speed table (docs/speed.md), each the median (and range) of N separate processes, next to
# the references of ../shared/reference/measure.sh measured in the same run. Processes are interleaved
# (round 1 of every figure, then round 2, ...) so that a noisy neighbour spreads over all figures alike.
#
# Usage (from the project's root):
#   LatentSymmetry.Benchmarks/speed-table.sh [--runs N] [--grid] [--references FILE] [--no-build]
#     --runs N           processes per figure (default 5, at least 5 for docs/speed.md)
#     --grid             also time the 106-run grid at 100 epochs (one seed, one learning rate, --jobs 2)
#                        in core-seconds (user + system CPU time), and PyTorch's cost of the same grid
#                        (reference/torch_grid.py, two processes at once, so that both keep both cores busy);
#                        about 10 minutes a round
#     --references FILE  read measure.sh's output from FILE instead of running it (it takes a minute)
#     --no-build         use the existing Release build
# Output: a Markdown table on stdout, naming the vector path the profiles ran on and the FMA peak their shares are of;
# the raw JSON lines in ${TMPDIR:-/tmp}/speed-table.raw.jsonl. With DOTNET_EnableAVX512=0 on an AVX-512 CPU the table is
# the AVX2 path's: its peak, and OpenBLAS's AVX2 (Haswell) kernels measured beside it.
set -euo pipefail
runs=5 grid=0 references="" build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --grid) grid=1; shift ;;
    --references) references="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "speed-table.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*) echo "speed-table.sh: --runs must be a positive integer, got '$runs'" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] || { echo "speed-table.sh: --runs must be at least 1" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ "$build" = 1 ]; then
  dotnet build LatentSymmetry.Cli -c Release -v quiet -nologo >/tmp/speed-table-build.log 2>&1 \
    || { echo "speed-table.sh: the Release build failed; see /tmp/speed-table-build.log" >&2; exit 1; }
fi
latsym="$root/LatentSymmetry.Cli/bin/Release/net10.0/latsym"
[ -x "$latsym" ] || { echo "speed-table.sh: $latsym is missing (build with -c Release)" >&2; exit 1; }

refs=$(mktemp)
raw="${TMPDIR:-/tmp}/speed-table.raw.jsonl"
: > "$raw"
trap 'rm -f "$refs"' EXIT
if [ -n "$references" ]; then
  cp "$references" "$refs"
else
  echo "measuring the references (measure.sh)..." >&2
  "$root/../shared/reference/measure.sh" > "$refs"
fi

# measure.sh takes OpenBLAS's SkylakeX kernels on an AVX-512 CPU; with DOTNET_EnableAVX512=0 ours run on AVX2, so
# OpenBLAS's AVX2 (Haswell) kernels are measured beside them as well, in this run.
if [ "${DOTNET_EnableAVX512:-1}" = 0 ] && grep -qw avx512f /proc/cpuinfo; then
  echo "measuring OpenBLAS's AVX2 kernels (OPENBLAS_CORETYPE=Haswell)..." >&2
  OPENBLAS_CORETYPE=Haswell OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$root/../shared/reference/openblas_gemm.py" 128 512 \
    | sed 's/^/haswell /' >> "$refs"
fi

for round in $(seq "$runs"); do
  echo "round $round of $runs..." >&2
  for layer in -1 3 none; do "$latsym" profile step --symmetry-layer "$layer" --json >> "$raw"; done
  for size in 128 512; do
    for form in nn nt tn; do "$latsym" profile gemm --m "$size" --n "$size" --k "$size" --form "$form" --json >> "$raw"; done
  done
  "$latsym" profile rotation --json >> "$raw"
done

if [ "$grid" = 1 ]; then
  for round in $(seq "$runs"); do
    echo "grid $round of $runs (106 runs, 100 epochs)..." >&2
    dir=$(mktemp -d)
    /usr/bin/time -f '{"kernel": "grid", "core_seconds": %U, "system_seconds": %S, "wall_seconds": %e}' -o "$dir/time.json" \
      "$latsym" benchmark --epochs 100 --seeds 42 --learning-rates 3e-4 --jobs 2 --results-dir "$dir/results" > /dev/null
    cat "$dir/time.json" >> "$raw"
    rm -rf "$dir"
    echo "PyTorch's grid cells $round of $runs (two processes)..." >&2
    # As measure.sh: OpenBLAS 0.3.21's SkylakeX kernels are its fastest wherever AVX-512 exists.
    grep -qw avx512f /proc/cpuinfo && export OPENBLAS_CORETYPE=SkylakeX
    for seed in 1 2; do
      OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 "$root/LatentSymmetry.Benchmarks/reference/torch_grid.py" --seed $((2 * round + seed)) \
        | grep '"torch_grid"' >> "$raw" &
    done
    wait
  done
fi

/usr/bin/python3 - "$raw" "$refs" "$runs" <<'PY'
import json, re, statistics, sys
raw, refs_file, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [json.loads(l) for l in open(raw) if l.strip()]
refs = open(refs_file).read()
def ref(pattern):
    m = re.search(pattern, refs, re.M)
    return float(m.group(1)) if m else None
cpu = (re.search(r'^cpu: (.*)$', refs, re.M) or [None, 'unknown'])[1]
# The peak and OpenBLAS kernels that match the vector path the profiles ran on (they say which, and which peak).
paths = sorted({(r['vector_path'], r.get('peak')) for r in rows if r.get('kernel') in ('step', 'gemm') and 'vector_path' in r})
vector_path, peak_name = paths[0] if len(paths) == 1 else (' and '.join(p for p, _ in paths) or 'unknown', None)
peak = ref(rf'^{re.escape(peak_name)}: ([\d.]+)') if peak_name else None
peak_label = {'avx512 fma': 'AVX-512 FMA peak', 'avx2 fma': 'AVX2 FMA peak'}.get(peak_name, 'FMA peak of no measured width')
haswell = vector_path == 'Vector256' and ref(r'^haswell 128 ([\d.]+)') is not None
blas = {n: ref(rf'^haswell {n} ([\d.]+)') if haswell else ref(rf'^{n} ([\d.]+)') for n in (128, 512)}
torch = {l: ref(rf'penalty at {re.escape(l)}: ([\d.]+) ms') for l in ('-1', '3', 'none')}
def stats(values):
    return statistics.median(values), min(values), max(values)
def fmt(values, unit, digits):
    med, lo, hi = stats(values)
    return f"{med:.{digits}f} {unit} ({lo:.{digits}f}-{hi:.{digits}f})"
print(f"CPU: {cpu}. Median (min-max) of {runs} processes per figure; references from measure.sh in the same run.")
print(f"Vector path: {vector_path}; shares of peak are of the {peak_label}"
      + (f" ({peak} GFLOP/s)" if peak else "") + "; OpenBLAS: " + ("its AVX2 (Haswell) kernels." if haswell else "measure.sh's figures."))
print("Ratio: ours / reference for GFLOP/s, reference / ours for times and core-seconds: above 1, we are ahead.\n")
print("| figure | ours | reference | ratio |")
print("|---|---|---|---|")
print(f"| {peak_label} (`fma_peak.c`) | | {peak} GFLOP/s | |")
labels = {'-1': 'penalty at the output', '3': 'penalty at hidden layer 3', 'none': 'no penalty'}
for layer in ('-1', '3', 'none'):
    s = [r for r in rows if r.get('kernel') == 'step' and r['symmetry_layer'] == layer]
    if not s: continue
    ms = [r['ms_per_step'] for r in s]
    gf = [r['gflops'] for r in s]
    med = statistics.median(ms)
    share = f", {100 * statistics.median(gf) / peak:.0f}% of peak" if peak else ""
    t = torch[layer]
    print(f"| step 6x128, batch 128, {labels[layer]} | {fmt(ms, 'ms', 3)}: {statistics.median(gf):.1f} GFLOP/s{share}, "
          f"{max(r['bytes_allocated_per_step'] for r in s)} B allocated | PyTorch {t} ms | {t / med:.2f} |" if t else
          f"| step, {labels[layer]} | {fmt(ms, 'ms', 3)}{share} | | |")
for size in (128, 512):
    for form in ('nn', 'nt', 'tn'):
        g = [r['gflops'] for r in rows if r.get('kernel') == 'gemm' and r['m'] == size and r['form'] == form]
        if not g: continue
        b = blas[size]
        share = f", {100 * statistics.median(g) / peak:.0f}% of peak" if peak else ""
        print(f"| GEMM {size}^3 {form.upper()} | {fmt(g, 'GFLOP/s', 1)}{share} | OpenBLAS{' (Haswell)' if haswell else ''} {b} GFLOP/s | {statistics.median(g) / b:.2f} |" if b else
              f"| GEMM {size}^3 {form.upper()} | {fmt(g, 'GFLOP/s', 1)} | | |")
rot = [r for r in rows if r.get('kernel') == 'rotation']
for path in ('sample', 'quaternions_to_matrices', 'rotate_rows_forward', 'rotate_rows_forward_backward'):
    v = [r['us_per_batch'][path] for r in rot]
    if v:
        alloc = max(r['bytes_allocated_per_call'][path] for r in rot)
        print(f"| rotation {path.replace('_', ' ')}, batch 128 | {fmt(v, 'us', 2)}, {alloc} B allocated | | |")
grid = [r for r in rows if r.get('kernel') == 'grid']
if grid:
    per_run = [(r['core_seconds'] + r['system_seconds']) / 106 for r in grid]
    # PyTorch's grid estimated from its step times: 47 steps x 100 epochs per run, the step time linear in
    # the penalised depth through the three measured points (none = 0, layer 3 = 3, output = 7); as in the
    # original, no penalty while lambda = 0 (the 7 lambda-0 cells, and epoch 0 of the 98 others); evaluation
    # not counted (so the estimate favours PyTorch).
    est = None
    if all(torch.values()):
        def t(depth):
            return torch['none'] + (torch['3'] - torch['none']) * depth / 3 if depth <= 3 else torch['3'] + (torch['-1'] - torch['3']) * (depth - 3) / 4
        depths = [7] + list(range(1, 7))
        est = (sum(14 * (99 * t(d) + t(0)) / 100 + t(0) for d in depths) + t(0)) / 106 * 4700 / 1000
    med = statistics.median(per_run)
    measured = [r['core_seconds_per_run'] for r in rows if r.get('kernel') == 'torch_grid']
    if measured:
        tm = statistics.median(measured)
        print(f"| grid, 106 runs at 100 epochs, core-seconds per run | {fmt(per_run, 's', 2)} | "
              f"PyTorch {fmt(measured, 's', 2)} (torch_grid.py: the original's training, validation and test, per cell) | "
              f"{tm / med:.2f} ({med / tm:.2f}x PyTorch's core-seconds) |")
    print(f"| grid, against PyTorch's step times alone | {med:.2f} s | "
          + (f"PyTorch about {est:.1f} s (from its step times, evaluation not counted) | {est / med:.2f} ({med / est:.2f}x PyTorch's core-seconds) |" if est else "| |"))
PY
