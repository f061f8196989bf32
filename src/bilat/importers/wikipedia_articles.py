"""Where the articles come from: saved files (with the ``articles.tsv`` that names them)
and the titles of the states' articles on English Wikipedia.

A saved article's title and address are its row of ``articles.tsv`` in the file's folder
or the one above (as in ``../shared/data/wikipedia/``), else made from the file name
(``azerbaijan.wikitext`` or ``Foreign relations of Azerbaijan.wikitext`` give "Foreign
relations of Azerbaijan" and https://en.wikipedia.org/wiki/Foreign_relations_of_Azerbaijan).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from bilat.inputs import is_regular, not_regular, read_input
from bilat.vocab import StoreError

__all__ = ["TITLE_PREFIX", "WIKI", "Article", "article_of", "files", "page_url", "subject_name"]

WIKI = "https://en.wikipedia.org/wiki/"
TITLE_PREFIX = "Foreign relations of "
_MAX_FILE = 16 << 20


class Article:
    """One article: where it came from, what it is called, its page's address."""

    def __init__(self, name: str, text: str, title: str, url: str) -> None:
        self.name, self.text, self.title, self.url = name, text, title, url


def page_url(title: str) -> str:
    """The address of the English Wikipedia article with this title."""
    return WIKI + quote(title.replace(" ", "_"), safe="()_-.,'!:/")


def _catalogue(folder: Path) -> dict[str, tuple[str, str]]:
    """``articles.tsv`` in the folder or the one above: file name -> (title, URL)."""
    for place in (folder, folder.parent):
        path = place / "articles.tsv"
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as f:
                rows = csv.DictReader(f, delimiter="\t")
                return {
                    r["file"]: _repaired(r["article"], r["url"])
                    for r in rows
                    if r.get("file") and r.get("article") and r.get("url")
                }
    return {}


def _repaired(title: str, url: str) -> tuple[str, str]:
    """A title whose brackets were saved as underscores ("Georgia _country_") as the
    article's title, and its address."""
    if title.endswith("_") and " _" in title:
        head, _, word = title[:-1].rpartition(" _")
        title = f"{head} ({word})"
        return title, page_url(title)
    return title, url


def article_of(path: Path) -> Article:
    """The article saved at ``path``, its title and address from ``articles.tsv`` beside
    it where there is one, else from the file name."""
    data = read_input(path, what="article", limit=_MAX_FILE)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StoreError(f"{path}: byte {exc.start}: not UTF-8 text") from None
    known = _catalogue(path.parent).get(path.name)
    if known is not None:
        title, url = known
    else:
        stem = path.stem.replace("_", " ")
        if not stem.lower().startswith(TITLE_PREFIX.lower()):
            words = stem.replace("_", " ").replace("-", " ").split()
            stem = TITLE_PREFIX + " ".join(
                w if w in ("the", "of", "and") else w.title() for w in words
            )
        title = stem
        url = page_url(title)
    return Article(str(path), text, title, url)


def subject_name(article: Article) -> str:
    title = article.title
    if title.lower().startswith(TITLE_PREFIX.lower()):
        title = title[len(TITLE_PREFIX) :]
    return title.strip()


def files(paths: Sequence[str]) -> list[Path]:
    """The article files named: each PATH is a file or a folder of ``*.wikitext`` (whose
    entries that are no regular file are passed over)."""
    result: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            result += sorted(p for p in path.glob("*.wikitext") if is_regular(p))
        elif is_regular(path):
            result.append(path)
        elif path.exists():
            raise StoreError(not_regular(name))
        else:
            raise StoreError(f"{name}: no such file or folder")
    if not result:
        raise StoreError(f"{', '.join(paths)}: no .wikitext files")
    return result
