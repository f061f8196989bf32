"""Where one bilat command spends its time, in-process: stages, garbage collection, decoding.

    python benchmarks/profile_bilat.py [--no-gc] [--decode] -- anniversary --year 2022 ...

Runs ``bilat ARGS`` inside this process (stdout to /dev/null) and prints to stderr:

- the wall time of the stages the command goes through (store loading, filtering,
  computing, building the listing, formatting, writing), by wrapping the module functions
  ``bilat.cli`` calls (a stage that the command does not use is left out);
- the time spent in the cyclic garbage collector (``gc.callbacks``) and how many
  collections of each generation ran; with ``--no-gc`` the collector is off instead;
- with ``--decode``: the store decode split in three (msgspec into plain Python objects,
  into bilat's Structs with a dec_hook that parses nothing, and with bilat's
  real dec_hook, which parses every date into a PartialDate), and bilat's checks.

For a call graph, use pyinstrument or cProfile on ``python -m bilat`` instead.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

STAGES: dict[str, float] = defaultdict(float)
GC: dict[str, float] = defaultdict(float)


def wrap(module: Any, attr: str, label: str) -> None:
    original = getattr(module, attr, None)
    if original is None:
        return

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            STAGES[label] += time.perf_counter() - started

    setattr(module, attr, timed)


def gc_callback(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        GC["_started"] = time.perf_counter()
    else:
        GC["seconds"] += time.perf_counter() - GC["_started"]
        GC[f"gen{info['generation']} collections"] += 1


def decode_split(store_path: str) -> None:
    import msgspec

    from bilat import codec, rules
    from bilat.dates import PartialDate

    data = open(store_path, "rb").read()  # noqa: SIM115
    rows = []

    def clock(label: str, fn: Callable[[], object]) -> object:
        result = None
        for collect in (False, True):
            result = None
            gc.collect()
            if not collect:
                gc.disable()
            started = time.perf_counter()
            result = fn()
            rows.append((label, "gc on" if collect else "gc off", time.perf_counter() - started))
            gc.enable()
        return result

    clock("msgspec.json.decode, untyped (dicts)", lambda: msgspec.json.decode(data))
    same = PartialDate(2000)  # msgspec checks the type the hook returns
    trivial = msgspec.json.Decoder(codec._StoreFile, dec_hook=lambda t, o: same)
    clock("into bilat's Structs, a dec_hook that parses nothing", lambda: trivial.decode(data))
    codec._DATES.clear()
    parsed = clock("into bilat's Structs, bilat's dec_hook", lambda: codec._decoder.decode(data))
    events = parsed.events  # type: ignore[attr-defined]
    clock("rules.validate (ids, codes, letters, ...)", lambda: rules.validate(events, "x"))
    print("decoding the store (each step alone):", file=sys.stderr)
    for label, state, took in rows:
        print(f"  {took:8.3f} s  {label} ({state})", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-gc", action="store_true", help="turn the cyclic gc off")
    parser.add_argument("--decode", action="store_true", help="split the store decode")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="-- then bilat's arguments")
    options = parser.parse_args()
    args = options.args[1:] if options.args[:1] == ["--"] else options.args

    started = time.perf_counter()
    from bilat import domain
    from bilat import store as store_mod
    from bilat.cli import cli, context
    from bilat.render import formats, listings

    imported = time.perf_counter() - started
    for module, attr, label in [
        (store_mod, "load_path", "load store (read, decode, validate)"),
        (store_mod, "bundled_store", "load store (read, decode, validate)"),
        (domain, "filter_events", "filter events"),
        (domain, "anniversaries_in", "compute anniversaries (incl. sort)"),
        (domain, "timeline", "compute timeline (incl. sort)"),
        (listings, "anniversary_listing", "build listing (rows for every format)"),
        (listings, "timeline_listing", "build listing (rows for every format)"),
        (formats, "listing_text", "format output (json/csv/table)"),
        (context, "emit", "write output"),
    ]:
        wrap(module, attr, label)
    if options.no_gc:
        gc.disable()
    else:
        gc.callbacks.append(gc_callback)

    started = time.perf_counter()
    with open(os.devnull, "w") as null, contextlib.redirect_stdout(null):
        try:
            cli.main(args=args, prog_name="bilat", standalone_mode=False)
        finally:
            total = time.perf_counter() - started
    gc.callbacks.clear()

    print(f"bilat {' '.join(args)}", file=sys.stderr)
    print(f"  {imported:8.3f} s  import bilat.cli (in this process)", file=sys.stderr)
    for label, took in STAGES.items():
        print(f"  {took:8.3f} s  {label}", file=sys.stderr)
    print(f"  {total:8.3f} s  command total (before interpreter exit)", file=sys.stderr)
    if options.no_gc:
        print("  (cyclic gc off)", file=sys.stderr)
    else:
        counts = ", ".join(f"{GC[k]:.0f} {k}" for k in sorted(GC) if k.startswith("gen"))
        print(f"  {GC['seconds']:8.3f} s  of it in the cyclic gc ({counts})", file=sys.stderr)
    if options.decode:
        store_path = args[args.index("--store") + 1] if "--store" in args else None
        if store_path is None:
            print("--decode needs --store FILE among bilat's arguments", file=sys.stderr)
            return 2
        gc.enable()
        decode_split(store_path)
    sys.stderr.flush()
    os._exit(0)  # skip freeing millions of objects: what exit costs is measured by run.py


if __name__ == "__main__":
    sys.exit(main())
