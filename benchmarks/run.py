"""Benchmark bilat as users run it: whole processes, against baselines, with targets.

    python benchmarks/run.py [--quick] [--repeat K] [--sizes 10000,100000,1000000]

Every case runs as a subprocess with its stdout sent to /dev/null. Each command is first
run once with its output captured (to check that it succeeded and that the compared
commands print the same rows); that run is the warm-up. Then the compared commands run
K times, interleaved (A B C, B C A, ...), and the table shows the median wall time and
the highest peak RSS (``os.wait4``'s rusage of each run). Ratios are this command's
median over the baseline's.

1. Cold start on the bundled store, ``python -m bilat`` and the ``bilat`` console script,
   against ``python -c "import ..."`` of what the command needs at least.
2. At each store size: ``anniversary --every 1`` and ``timeline AZ JP`` (JSON) against
   ``benchmarks/minimal.py`` doing the same job; with 100k and 1M, whether bilat's time
   per event grows linearly (at most 1.2x from 100k to 1M).
   The seed commands on the bundled store against the same commands on the stores it
   grew from (``bundled-before-world.json``, ``bundled-before-wikipedia.json``).
3. Against ``remind -n FILE 2022-01-01`` on the same events as a remind file, when
   ``remind`` is installed (skipped with a message otherwise).

Synthetic stores (``gen_store.py``, fixed seed) and remind files are kept in
``benchmarks/.cache`` (git-ignored) and reused. ``--quick`` skips the 1M-event store.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
SEED = 20221
PY = sys.executable
MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --------------------------------------------------------------------------- running


@dataclass
class Cmd:
    label: str
    argv: list[str]
    times: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    output: bytes = b""
    env: dict[str, str] | None = None  # None: ENV

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def peak_mib(self) -> float:
        return max(self.rss_kib) / 1024


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("BILAT_STORE", None)  # cold start reads the bundled store
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    # Byte-code caches as an installed package has them: with PYTHONDONTWRITEBYTECODE set
    # (as on some CI machines) an editable install would compile bilat's source on every
    # start. The caches go to benchmarks/.cache, not next to the source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    # bilat's indexes of large stores go here too (the warm-up run of a command writes
    # the index its timed runs use); the "no index" cases turn them off.
    env["BILAT_CACHE_DIR"] = str(CACHE / "index")
    env.pop("BILAT_NO_CACHE", None)
    return env


ENV = _env()


TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
RSS_FILE = CACHE / "rss.txt"


def timed(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """One run, output to /dev/null: (wall seconds, peak RSS in KiB).

    The peak RSS comes from ``/usr/bin/time -f %M`` when it exists: ``os.wait4``'s
    ru_maxrss of a child started from this (large) process counts this process's own
    peak, because the child shares its memory until exec (vfork). The wall time is taken
    here around the whole run, /usr/bin/time's own ~1 ms included for every command alike.
    """
    if TIME_BIN is not None:
        argv = [TIME_BIN, "-f", "%M", "-o", str(RSS_FILE), *argv]
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env or ENV,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(argv)}")
    if TIME_BIN is not None:
        return took, int(RSS_FILE.read_text().split()[-1])
    return took, usage.ru_maxrss  # KiB on Linux


def capture(cmd: Cmd) -> None:
    done = subprocess.run(cmd.argv, capture_output=True, env=cmd.env or ENV, check=False)
    if done.returncode != 0:
        sys.exit(
            f"failed ({done.returncode}): {' '.join(cmd.argv)}\n"
            + done.stderr.decode(errors="replace")
        )
    cmd.output = done.stdout


def bench(cmds: Sequence[Cmd], repeat: int) -> None:
    """Warm-up (captured) once each, then ``repeat`` interleaved rounds, rotating the order."""
    CACHE.mkdir(exist_ok=True)
    for cmd in cmds:
        capture(cmd)
    for r in range(repeat):
        for i in range(len(cmds)):
            cmd = cmds[(i + r) % len(cmds)]
            took, rss = timed(cmd.argv, cmd.env)
            cmd.times.append(took)
            cmd.rss_kib.append(rss)
        print(f"  round {r + 1}/{repeat} done", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- report


ROWS: list[str] = []
VERDICTS: list[str] = []
#: µs per event of each command of a scale job, by store size (for linear growth).
PER_EVENT: dict[str, dict[int, float]] = {}


def verdict(value: float, target: float) -> str:
    if value <= target:
        return "met"
    return f"missed by {(value / target - 1) * 100:.0f}%"


def row(case: str, cmd: Cmd, base: Cmd | None, target: float | None, n: int = 0) -> None:
    ratio = cmd.median_ms / base.median_ms if base is not None else None
    per_event = f"{cmd.median_ms * 1000 / n:.1f}" if n else ""
    if n:
        PER_EVENT.setdefault(cmd.label, {})[n] = cmd.median_ms * 1000 / n
    cells = [
        case,
        cmd.label,
        f"{cmd.median_ms:,.0f}",
        f"{cmd.peak_mib:,.0f}",
        per_event,
        "base" if ratio is None else f"{ratio:.2f}x",
        "" if target is None else f"<= {target:g}x",
        "" if target is None or ratio is None else verdict(ratio, target),
    ]
    ROWS.append("| " + " | ".join(cells) + " |")
    if target is not None and ratio is not None:
        VERDICTS.append(f"- {case}, {cmd.label}: {ratio:.2f}x vs <= {target:g}x: {cells[-1]}")


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import msgspec

    return (
        f"- Platform: {platform.platform()}\n"
        f"- CPU: {cpu}; cores: {os.cpu_count()}\n"
        f"- Python {platform.python_version()} ({PY}); msgspec {msgspec.__version__}\n"
        f"- bilat at {src_state()}"
    )


def src_state() -> str:
    """The commit, and a digest of the source files (others may be editing them)."""
    import hashlib

    git = ["git", "-C", str(HERE.parent)]
    try:
        head = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, check=False
        )
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "src"], capture_output=True, check=False
        )
        commit = head.stdout.decode().strip() + (" + uncommitted src changes" * bool(dirty.stdout))
    except OSError:
        commit = "unknown commit"
    digest = hashlib.sha256()
    for path in sorted((HERE.parent / "src").rglob("*.py")):
        digest.update(path.read_bytes())
    return f"{commit} (src digest {digest.hexdigest()[:12]})"


# --------------------------------------------------------------------------- inputs


def store_file(n: int) -> Path:
    path = CACHE / f"store-{n}-s{SEED}.json"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        print(f"generating {path.name} ...", file=sys.stderr, flush=True)
        tmp = path.with_suffix(".tmp")
        from gen_store import generate  # next to this script: sys.path[0]

        generate(n, SEED, tmp)
        tmp.replace(path)
    return path


def remind_file(store: Path) -> Path:
    """One ``REM <day> <Mon> MSG <title>`` line per day-precision event."""
    path = store.with_suffix(".rem")
    if not path.exists():
        import msgspec

        events = msgspec.json.decode(store.read_bytes())["events"]
        with path.open("w", encoding="utf-8") as f:
            for e in events:
                d = e["date"]
                if len(d) == 10:
                    f.write(f"REM {int(d[8:])} {MONTHS[int(d[5:7])]} MSG {e['title']}\n")
    return path


def bilat_commands() -> list[tuple[str, list[str]]]:
    """``python -m bilat`` and the console script next to this interpreter (not a shim)."""
    script = Path(PY).parent / "bilat"
    if not script.exists():
        found = shutil.which("bilat")
        script = Path(found) if found else script
    found_cmds = [("python -m bilat", [PY, "-m", "bilat"])]
    if script.exists():
        found_cmds.append(("bilat (console script)", [str(script)]))
    else:
        print("no bilat console script found: only `python -m bilat` is run", file=sys.stderr)
    return found_cmds


# --------------------------------------------------------------------------- checks


def rows_of(out: bytes, key: str) -> list[dict[str, object]]:
    import msgspec

    rows: list[dict[str, object]] = msgspec.json.decode(out)[key]
    return rows


def same_rows(bilat: Cmd, minimal: Cmd, key: str) -> str:
    """Row count must match (exit otherwise); report whether the rows are identical."""
    a, b = rows_of(bilat.output, key), rows_of(minimal.output, key)
    if len(a) != len(b):
        sys.exit(f"row counts differ: {bilat.label} {len(a)}, {minimal.label} {len(b)}")
    # bilat may print keys the minimal script does not know (newer format): compare the rest.
    differ = sum(1 for x, y in zip(a, b, strict=True) if any(x.get(k) != v for k, v in y.items()))
    bilat.output = minimal.output = b""  # keep this process small
    return f"{len(a):,} rows" + ("" if not differ else f" ({differ:,} rows differ!)")


# --------------------------------------------------------------------------- cases


def cold(repeat: int) -> None:
    """Cold starts on the bundled store: bilat against a minimal script doing the same job
    (``minimal_cold.py``: click and msgspec imported, the store loaded, the rows printed,
    nothing checked), and ``--help`` against ``import click``."""
    bilats = bilat_commands()
    bundled = str(HERE.parent / "data" / "events.json")
    minimal = str(HERE / "minimal_cold.py")
    env = {**ENV, "BILAT_DATA_DIR": str(CACHE / "no-user-store"), "COLUMNS": "100"}
    cases = [
        ("anniversary --year 2022", "table", [PY, minimal, "table", bundled], 1.15),
        ("anniversary --year 2022 --format json", "json", [PY, minimal, "json", bundled], 1.1),
        ("--help", "import click", [PY, "-c", "import click"], 1.10),
    ]
    for args, what, base_argv, target in cases:
        print(f"cold start: bilat {args}", file=sys.stderr, flush=True)
        label = 'python -c "import click"' if what == "import click" else f"minimal_cold.py {what}"
        base = Cmd(label, base_argv, env=env)
        cmds = [Cmd(f"{name} {args}", [*argv, *args.split()], env=env) for name, argv in bilats]
        bench([base, *cmds], repeat)
        row("cold start", base, None, None)
        for cmd in cmds:
            row("cold start", cmd, base, target)
    home_country(env, repeat)


def home_country(env: dict[str, str], repeat: int) -> None:
    """The home country costs nothing noticeable: the same listing, with the country named
    (``--country JP``) and from the user's config file."""
    config = CACHE / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.json").write_text('{"country": "JP"}\n', encoding="utf-8")
    for args in ("anniversary --year 2022 --format json", "anniversary --year 2022"):
        print(f"cold start: bilat {args}, home country", file=sys.stderr, flush=True)
        named = Cmd(
            f"bilat {args} --country JP",
            [PY, "-m", "bilat", *args.split(), "--country", "JP"],
            env=env,
        )
        home = Cmd(
            f"bilat {args} (home country JP in the config file)",
            [PY, "-m", "bilat", *args.split()],
            env={**env, "BILAT_CONFIG_DIR": str(config)},
        )
        bench([named, home], repeat)
        row("cold start, home country", named, None, None)
        row("cold start, home country", home, named, 1.05)


def world(repeat: int) -> None:
    """A world-sized store (every pair of 150 countries, 20,000 events in all) against the
    bundled store: the same commands within 1.5x."""
    path = CACHE / f"world-20000-s{SEED}.json"
    if not path.exists():
        CACHE.mkdir(exist_ok=True)
        from gen_store import generate_world

        generate_world(20_000, SEED, path)
    env = {**ENV, "BILAT_DATA_DIR": str(CACHE / "no-user-store")}
    for args in (["anniversary", "--year", "2027", "--format", "json"], ["relations", "AZ"]):
        label = " ".join(args)
        print(f"world-sized store: bilat {label}", file=sys.stderr, flush=True)
        bundled = Cmd(f"bilat {label} (bundled store)", [PY, "-m", "bilat", *args], env=env)
        big = Cmd(
            f"bilat {label} --store {path.name}",
            [PY, "-m", "bilat", *args, "--store", str(path)],
            env=env,
        )
        bench([bundled, big], repeat)
        row("world-sized store (20,000 events)", bundled, None, None)
        row("world-sized store (20,000 events)", big, bundled, 1.5)


def bundled_growth(repeat: int) -> None:
    """The seed commands on today's bundled store against the same commands on the stores
    it grew from: the 233 events before it took in every partner of Azerbaijan and Japan
    and the State Department's guide (``bundled-before-world.json``), and the 1,735 events
    before it took in every state's own list (``bundled-before-wikipedia.json``, 17,607
    events now): within 1.1x."""
    empty = CACHE / "no-user-store"
    env = {**ENV, "BILAT_DATA_DIR": str(empty)}  # no user store: the bundled one alone
    cases = [
        ("bundled-before-world.json", ["anniversary", "--year", "2022"]),
        ("bundled-before-world.json", ["timeline", "AZ", "JP"]),
        ("bundled-before-wikipedia.json", ["anniversary", "--year", "2022", "--country", "AZ"]),
        ("bundled-before-wikipedia.json", ["timeline", "AZ", "JP"]),
    ]
    for name, args in cases:
        old = HERE / name
        label = " ".join(args)
        print(f"bundled store growth: bilat {label} against {name}", file=sys.stderr, flush=True)
        before = Cmd(
            f"bilat {label} --store {old.name}",
            [PY, "-m", "bilat", *args, "--store", str(old)],
            env=env,
        )
        now = Cmd(f"bilat {label} (bundled store)", [PY, "-m", "bilat", *args], env=env)
        bench([before, now], repeat)
        row("bundled store, before and now", before, None, None)
        row("bundled store, before and now", now, before, 1.10)


def scale(n: int, repeat: int) -> None:
    store = store_file(n)
    bilat = bilat_commands()[-1][1]
    minimal = [PY, str(HERE / "minimal.py")]
    jobs = [
        (
            "anniversary --year 2022 --every 1 --format json",
            [*bilat, "anniversary", "--year", "2022", "--every", "1", "--format", "json"],
            [*minimal, "anniversary", str(store), "--year", "2022", "--every", "1"],
            "anniversaries",
        ),
        (
            "timeline AZ JP --format json",
            [*bilat, "timeline", "AZ", "JP", "--format", "json"],
            [*minimal, "timeline", str(store), "AZ", "JP"],
            "events",
        ),
    ]
    for title, bilat_argv, minimal_argv, key in jobs:
        case = f"{n:,} events"
        print(f"{case}: {title}", file=sys.stderr, flush=True)
        base = Cmd(f"minimal.py {title.split(' --')[0]}", minimal_argv)
        cmd = Cmd(f"bilat {title}", [*bilat_argv, "--store", str(store)])
        # The first run on a store, or on a changed one: a full load, and no index.
        first = Cmd(
            f"bilat {title}, no index (BILAT_NO_CACHE=1)",
            cmd.argv,
            env={**ENV, "BILAT_NO_CACHE": "1"},
        )
        bench([base, cmd, first], repeat)
        if first.output != cmd.output:
            sys.exit(f"the index changed the output of: bilat {title}")
        first.output = b""
        checked = same_rows(cmd, base, key)
        row(case, base, None, None, n)
        row(f"{case} ({checked})", cmd, base, 1.5 if n >= 100_000 else None, n)
        row(case, first, base, None, n)


def import_csv(repeat: int, rows: int = 50_000) -> None:
    """``bilat import csv`` of rows without ids (each gets an id made under the lock):
    linear time, against the same file with ids."""
    import csv

    for with_ids in (False, True):
        path = CACHE / f"import-{rows}-{'ids' if with_ids else 'no-ids'}.csv"
        if not path.exists():
            CACHE.mkdir(exist_ok=True)
            with path.open("w", newline="", encoding="utf-8") as f:
                out = csv.writer(f)
                out.writerow(["id", "date", "parties", "kind", "title", "source_urls",
                              "source_titles"])  # fmt: skip
                for i in range(rows):
                    ident = f"visit-{i}" if with_ids else ""
                    date = f"{1900 + i % 120:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
                    out.writerow([ident, date, "AZ;JP", "visit", f"Visit number {i}",
                                  f"https://example.org/{i}", "A source"])  # fmt: skip
    target = CACHE / "import-target.json"
    env = {**ENV, "BILAT_DATA_DIR": str(CACHE / "no-user-store")}
    cmds = [
        Cmd(
            f"bilat import csv ({rows:,} rows, {kind}) --dry-run",
            [
                PY,
                "-m",
                "bilat",
                "import",
                "csv",
                str(CACHE / f"import-{rows}-{kind}.csv"),
                "--store",
                str(target),
                "--dry-run",
                "--format",
                "json",
            ],
            env=env,
        )
        for kind in ("ids", "no-ids")
    ]
    print("import csv", file=sys.stderr, flush=True)
    bench(cmds, repeat)
    row(f"import {rows:,} CSV rows", cmds[0], None, None, rows)
    row(f"import {rows:,} CSV rows", cmds[1], cmds[0], 1.5, rows)


def vs_remind(n: int, repeat: int) -> None:
    remind = shutil.which("remind")
    if remind is None:
        VERDICTS.append(f"- {n:,} events vs remind: skipped, `remind` is not installed")
        return
    store = store_file(n)
    rem = remind_file(store)
    bilat = bilat_commands()[-1][1]
    case = f"{n:,} events vs remind"
    print(f"{case}", file=sys.stderr, flush=True)
    base = Cmd("remind -n FILE 2022-01-01", [remind, "-n", str(rem), "2022-01-01"])
    args = ["anniversary", "--year", "2022", "--format", "json", "--store", str(store)]
    cmd = Cmd("bilat anniversary --year 2022 --format json", [*bilat, *args])
    mini = Cmd(
        "minimal.py anniversary --year 2022",
        [PY, str(HERE / "minimal.py"), "anniversary", str(store), "--year", "2022"],
    )
    bench([base, cmd, mini], repeat)
    checked = same_rows(cmd, mini, "anniversaries")
    reminders = base.output.count(b"\n")
    target = {100_000: 1.0, 1_000_000: 1.0}.get(n)  # beat remind (issue: at most 1.0x)
    row(f"{case} ({reminders:,} reminders)", base, None, None, n)
    row(f"{case} ({checked})", cmd, base, target, n)
    row(case, mini, base, None, n)
    if n >= 1_000_000:
        VERDICTS.append(
            f"- {case}: bilat peak RSS {cmd.peak_mib:,.0f} MiB vs <= 700 MiB: "
            + verdict(cmd.peak_mib, 700)
        )


def linear_growth(small: int = 100_000, large: int = 1_000_000, target: float = 1.2) -> None:
    """The issue's fourth target: bilat's µs per event at 1M within 1.2x of that at 100k,
    for every scale job (the minimal script's own growth is shown for comparison)."""
    for label, sizes in PER_EVENT.items():
        if small not in sizes or large not in sizes:
            continue
        growth = sizes[large] / sizes[small]
        text = f"µs/event {sizes[large]:.1f} at {large:,} vs {sizes[small]:.1f} at {small:,}"
        if label.startswith("bilat"):
            VERDICTS.append(
                f"- linear growth, {label}: {text}, {growth:.2f}x vs <= {target:g}x: "
                + verdict(growth, target)
            )
        else:
            VERDICTS.append(f"- linear growth, {label} (for comparison): {text}, {growth:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark bilat against baselines.")
    parser.add_argument("--quick", action="store_true", help="skip the 1M-event store")
    parser.add_argument("--repeat", type=int, default=5, metavar="K", help="timed runs (5)")
    parser.add_argument(
        "--sizes",
        default="10000,100000,1000000",
        help="store sizes, comma-separated (default: %(default)s)",
    )
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start cases")
    parser.add_argument("--cold-only", action="store_true", help="only the cold-start cases")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.quick:
        sizes = [n for n in sizes if n < 1_000_000]
    if args.cold_only:
        sizes = []

    started = time.perf_counter()
    state = src_state()
    if not args.no_cold:
        cold(args.repeat)
    if not (args.no_cold or args.cold_only):
        bundled_growth(args.repeat)
        world(args.repeat)
    for n in sizes:
        scale(n, args.repeat)
    for n in sizes:
        if n >= 100_000:
            vs_remind(n, args.repeat)
    if sizes:
        import_csv(args.repeat)
    linear_growth()

    print("## bilat benchmarks\n")
    print(machine())
    if src_state() != state:
        print(f"- WARNING: the source changed during the run; it started at {state}")
    print(
        f"- {args.repeat} timed runs per command after a warm-up, interleaved; stdout to /dev/null"
    )
    print()
    print("| case | command | median ms | peak RSS MiB | µs/event | ratio | target | verdict |")
    print("|---|---|---:|---:|---:|---:|---|---|")
    print("\n".join(ROWS))
    print("\n### Targets\n")
    print("\n".join(VERDICTS))
    print(f"\n(total benchmark time {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
