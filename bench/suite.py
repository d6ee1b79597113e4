#!/usr/bin/env python3
"""weft's WASI benchmark suite: every workload in bench/workloads/ built natively (clang-19 -O2)
and as a WASI command (clang-19 --target=wasm32-wasi -O2), then timed as native code, in weft and
in every peer runtime present, in one run. Prints one table: seconds per workload (best of N runs
of the whole process, so start-up, decoding, validation and compilation are included) and the
ratio to native, with geometric means at the bottom. Every engine's output must equal native's;
a wrong or failed run shows as "wrong" or "error" and stays out of the means.

Usage: bench/suite.py [--build DIR] [--runs N] [--percent P] [--only a,b] [--engines a,b]
                      [--cpu] [--no-build]
"""
import argparse
import math
import os
import resource
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORKLOADS = os.path.join(ROOT, "bench", "workloads")
NODE_RUNNER = os.path.join(ROOT, "bench", "node_wasi_runner.mjs")
WASI_CFLAGS = ["--target=wasm32-wasi", "--sysroot=/usr", "-O2"]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--build", default="build", help="weft build directory (default: build)")
    p.add_argument("--runs", type=int, default=3, help="runs per engine and workload; best counts")
    p.add_argument("--percent", type=int, default=None,
                   help="work per workload in percent of 100 (default: each workload's own "
                        "default, 1-3 s natively)")
    p.add_argument("--only", default="", help="comma-separated workload names")
    p.add_argument("--engines", default="", help="comma-separated engine names (default: all)")
    p.add_argument("--cpu", action="store_true",
                   help="time user+system CPU of the process instead of wall clock "
                        "(steadier on a loaded machine; counts the helper threads of a JIT)")
    p.add_argument("--no-build", action="store_true", help="use the weft binary as it is")
    return p.parse_args()


def build_weft(build_dir, skip):
    if not skip:
        if not os.path.exists(os.path.join(build_dir, "build.ninja")):
            subprocess.run(["cmake", "-S", ROOT, "-B", build_dir, "-G", "Ninja",
                            "-DCMAKE_C_COMPILER=clang-19", "-DCMAKE_CXX_COMPILER=clang++-19",
                            "-DCMAKE_BUILD_TYPE=RelWithDebInfo"], check=True,
                           stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", build_dir, "--target", "weft"], check=True,
                       stdout=subprocess.DEVNULL)
    return os.path.join(build_dir, "tools", "weft", "weft")


def compile_workloads(names, out):
    """Builds NAME.native and NAME.wasm for each workload; simd_* workloads get -msimd128."""
    os.makedirs(out, exist_ok=True)
    for name in names:
        src = os.path.join(WORKLOADS, name + ".c")
        extra = ["-msimd128"] if name.startswith("simd_") else []
        subprocess.run(["clang-19", "-O2", "-o", os.path.join(out, name + ".native"), src, "-lm"],
                       check=True)
        subprocess.run(["clang-19", *WASI_CFLAGS, *extra, "-o", os.path.join(out, name + ".wasm"),
                        src, "-lm"], check=True)


def wasm_interp_has_wasi(sample_wasm):
    """Debian's wabt is built without WASI and says so instead of running the program."""
    if not shutil.which("wasm-interp"):
        return False
    p = subprocess.run(["wasm-interp", "--wasi", sample_wasm, "1"], capture_output=True, text=True,
                       timeout=600)
    return "not compiled in" not in p.stdout + p.stderr


def engines(weft, out, wanted, sample_wasm):
    """Each engine: (name, command for a workload's .wasm and its arguments, or None if absent)."""
    node = shutil.which("node")
    table = [
        ("weft", lambda w, a: [weft, "run", w, *a] if os.path.exists(weft) else None),
        ("node", lambda w, a: [node, "--no-warnings", NODE_RUNNER, w, *a] if node else None),
        ("node-liftoff", lambda w, a: [node, "--no-warnings", "--liftoff", "--no-wasm-tier-up",
                                       NODE_RUNNER, w, *a] if node else None),
    ]
    interp_ok = (not wanted or "wasm-interp" in wanted) and wasm_interp_has_wasi(sample_wasm)
    table.append(("wasm-interp",
                  lambda w, a: ["wasm-interp", "--wasi", w, *a] if interp_ok else None))
    return [e for e in table if not wanted or e[0] in wanted]


def timed_run(cmd, use_cpu, timeout):
    """Runs cmd once: (seconds, stdout, ok)."""
    start_wall = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return math.inf, "", False
    wall = time.perf_counter() - start_wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (cpu if use_cpu else wall), p.stdout, p.returncode == 0


def best_of(cmd, runs, use_cpu, timeout, expected=None):
    """Best time over runs; stops early once a run fails or prints something else than expected."""
    best, output = math.inf, None
    for _ in range(runs):
        seconds, stdout, ok = timed_run(cmd, use_cpu, timeout)
        if not ok:
            return None, "error"
        if expected is not None and stdout != expected:
            return None, "wrong"
        best, output = min(best, seconds), stdout
    return best, output


def geomean(ratios):
    return math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else None


def main():
    args = parse_args()
    build_dir = os.path.abspath(os.path.join(ROOT, args.build))
    weft = build_weft(build_dir, args.no_build)
    out = os.path.join(build_dir, "bench-workloads")
    names = sorted(f[:-2] for f in os.listdir(WORKLOADS) if f.endswith(".c"))
    if args.only:
        names = [n for n in names if n in args.only.split(",")]
    compile_workloads(names, out)
    wanted = [e for e in args.engines.split(",") if e]
    engine_list = engines(weft, out, wanted, os.path.join(out, names[0] + ".wasm"))
    extra = [] if args.percent is None else [str(args.percent)]

    header = ["workload", "native"]
    for name, _ in engine_list:
        header += [name, "ratio"]
    rows, ratios = [], {name: [] for name, _ in engine_list}
    print(f"# {'cpu' if args.cpu else 'wall'} seconds, best of {args.runs}, "
          f"percent {args.percent or 'default'}", file=sys.stderr)
    for name in names:
        native_s, expected = best_of([os.path.join(out, name + ".native"), *extra], args.runs,
                                     args.cpu, None)
        if native_s is None:
            sys.exit(f"{name}: the native build failed")
        row = [name, f"{native_s:.3f}"]
        wasm = os.path.join(out, name + ".wasm")
        for engine, command in engine_list:
            cmd = command(wasm, extra)
            if cmd is None:
                row += ["n/a", ""]
                continue
            seconds, status = best_of(cmd, args.runs, args.cpu, 100 * native_s + 30, expected)
            if seconds is None:
                row += [status, ""]
                continue
            ratios[engine].append(seconds / native_s)
            row += [f"{seconds:.3f}", f"{seconds / native_s:.1f}x"]
        rows.append(row)
        print("  " + " ".join(row), file=sys.stderr, flush=True)

    footer = ["geometric mean", ""]
    for engine, _ in engine_list:
        g = geomean(ratios[engine])
        complete = len(ratios[engine]) == len(names)
        count = "" if complete else f" ({len(ratios[engine])} rows)"
        footer += ["", f"{g:.1f}x{count}" if g else ""]
    rows.append(footer)
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))


if __name__ == "__main__":
    main()
