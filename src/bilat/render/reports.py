"""What the writing commands tell people: the report of an import, the status of each
store file read, the footers that point to a fuller command. The commands gather the
facts (counts, paths, names); the wording is here, with the rest of the output.

An import's report is a plain dict (what ``--format json`` prints): ``store``,
``dry_run``, ``added``, ``already_present``, ``updated`` (counts), ``matched`` (pairs of
ids), and what the importer adds (``skipped``, ``files_skipped``, ``year_precision``,
``disagreements``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from bilat.text import clean

from .common import dump_json
from .lang import n, t
from .listings import plural

# --------------------------------------------------------------------------- imports


def import_outcome(report: dict[str, Any]) -> str:
    """'3 events added to mine.json; 2 already there', from an import's report."""
    dry_run = report["dry_run"]
    verb = "would be added" if dry_run else "added"
    text = f"{plural(report['added'], 'event')} {verb} to {report['store']}"
    if report["matched"]:
        text += f"; {plural(len(report['matched']), 'row')} matched stored events"
    if report["already_present"]:
        text += f"; {report['already_present']} already there"
    if report["updated"]:
        what = "would gain" if dry_run else "gained"
        text += f"; {plural(report['updated'], 'event')} there {what} sources or dates"
    return text


def import_lines(report: dict[str, Any]) -> list[str]:
    """The report for people: the outcome, then each count with its details."""
    lines = [import_outcome(report) + "."]
    skipped: dict[str, dict[str, int] | int] = report.get("skipped", {})
    if skipped:
        counts = {r: d if isinstance(d, int) else sum(d.values()) for r, d in skipped.items()}
        lines.append(f"Skipped: {plural(sum(counts.values()), 'entry', 'entries')}")
        for reason, details in skipped.items():
            line = f"  {reason}: {counts[reason]}"
            if isinstance(details, dict):
                line += f" ({_first(sorted(details))})"
            lines.append(line)
    passed_over: Sequence[str] = report.get("files_skipped", ())
    if passed_over:
        shown = _first([os.path.basename(name) for name in passed_over])
        lines.append(f"Not regular files, skipped: {plural(len(passed_over), 'file')} ({shown})")
    year_only: Sequence[str] = report.get("year_precision", ())
    if year_only:
        lines.append(f"Known only to the year: {plural(len(year_only), 'event')}")
    disagreements: Sequence[dict[str, str]] = report.get("disagreements", ())
    if disagreements:
        lines.append(
            f"Heading and text disagree: {plural(len(disagreements), 'entry', 'entries')} "
            "(the text's date is taken, the heading's kept as disputed)"
        )
        lines += [
            f"  {d['file']}: {d['heading']} (heading {d['heading_year']}, text {d['prose_date']})"
            for d in disagreements
        ]
    if "per_article" in report:
        lines += _article_lines(report)
    return lines


def _article_lines(report: dict[str, Any]) -> list[str]:
    """Each article's outcome, for people."""
    lines = []
    if report["date_unknown_rows"]:
        lines.append(f"Relations, date unknown: {plural(report['date_unknown_rows'], 'row')}")
    for article in report["per_article"]:
        if not article["list_table"]:
            lines.append(f"{article['file']}: no list of states with dates")
            continue
        text = (
            f"{article['file']}: {plural(article['rows'], 'row')}, "
            f"{plural(article['events'], 'event')} ({article['added']} added, "
            f"{article['already_present']} already there, {article['disputed']} disputed)"
        )
        if article["date_unknown"]:
            text += f"; date unknown: {', '.join(article['date_unknown'])}"
        for reason, names in article["skipped"].items():
            text += f"; {reason}: {', '.join(sorted(names))}"
        lines.append(text)
    return lines


def _first(names: Sequence[str], count: int = 6) -> str:
    """The first names, and '...' when there are more."""
    return ", ".join(names[:count]) + (", ..." if len(names) > count else "")


def invalid_rows(count: int, file: str) -> str:
    """The error of a CSV import with rows in error (and no --skip-invalid)."""
    return (
        f"{plural(count, 'invalid row')} in {file}; nothing was written "
        "(--skip-invalid imports the valid rows)"
    )


def invalid_rows_skipped(count: int) -> str:
    return f"; {plural(count, 'invalid row')} skipped"


class Report(NamedTuple):
    """A report as written: its text, and whether it is for people (standard error) or
    for programs (standard output)."""

    text: bytes | str
    for_people: bool


#: The writers of an import's report, by format name.
REPORT_WRITERS: dict[str, Callable[[dict[str, Any]], Report]] = {
    "text": lambda report: Report(
        "".join(clean(line) + "\n" for line in import_lines(report)), True
    ),
    "json": lambda report: Report(dump_json(report), False),
}

# --------------------------------------------------------------------------- stores

#: The status of a store file that was read.
READ = "read"
#: The status of your own store before ``bilat add`` creates it.
NOT_CREATED = "not created yet (bilat add creates it)"


def not_read(reason: str) -> str:
    """The status of a store file that could not be read."""
    return f"not read: {reason}"


def added_to(path: str) -> str:
    return f"added to {path}"


def store_ok(name: str) -> str:
    return f"{name}: ok"


def problems_found(count: int) -> str:
    return f"{plural(count, 'problem')} found"


# --------------------------------------------------------------------------- letters


def letter_filters(pair: Sequence[str], year: int | None) -> str:
    """The options that narrowed a choice of letters, as typed: ' --pair AZ JP --year 2002'."""
    text = f" --pair {' '.join(pair)}" if pair else ""
    return text + (f" --year {year}" if year is not None else "")


def other_letters(others: int, pair: Sequence[str], year: int | None) -> str:
    """The footer below the letter shown when more match, with the command that lists them."""
    command = f"bilat show-letter --list{letter_filters(pair, year)}"
    return n(
        "{n} other letter matches; list them with: {command}",
        "{n} other letters match; list them with: {command}",
        others,
    ).format(n=others, command=command)


def no_letter(pair: Sequence[str], year: int | None) -> str:
    return t("no letter matches") + letter_filters(pair, year)
