"""Saved articles, their titles and addresses (bilat.importers.wikipedia_articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.importers.wikipedia_articles import article_of, files, page_url, subject_name
from bilat.vocab import StoreError

CATALOGUE = (
    "file\tarticle\turl\tsha256\tgroup\n"
    "chad.wikitext\tForeign relations of Chad\thttps://en.wikipedia.org/wiki/Foreign_relations_of_Chad\tx\tstate\n"
    "georgia-country.wikitext\tForeign relations of Georgia _country_\t"
    "https://en.wikipedia.org/wiki/Foreign_relations_of_Georgia__country_\tx\tstate\n"
)


def test_titles_and_addresses_come_from_articles_tsv_beside_or_above(tmp_path: Path) -> None:
    folder = tmp_path / "foreign-relations"
    folder.mkdir()
    (tmp_path / "articles.tsv").write_text(CATALOGUE, encoding="utf-8")
    (folder / "chad.wikitext").write_text("text", encoding="utf-8")
    (folder / "georgia-country.wikitext").write_text("\ufefftext", encoding="utf-8")
    chad = article_of(folder / "chad.wikitext")
    assert (chad.title, chad.url, chad.text) == (
        "Foreign relations of Chad",
        "https://en.wikipedia.org/wiki/Foreign_relations_of_Chad",
        "text",
    )
    georgia = article_of(folder / "georgia-country.wikitext")  # brackets saved as "_"
    assert georgia.title == "Foreign relations of Georgia (country)"
    assert georgia.url == "https://en.wikipedia.org/wiki/Foreign_relations_of_Georgia_(country)"
    assert georgia.text == "text"
    assert subject_name(georgia) == "Georgia (country)"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("azerbaijan.wikitext", "Foreign relations of Azerbaijan"),
        ("the-united-kingdom.wikitext", "Foreign relations of the United Kingdom"),
        ("Foreign relations of Japan.wikitext", "Foreign relations of Japan"),
        ("Foreign_relations_of_São_Tomé.wikitext", "Foreign relations of São Tomé"),
    ],
)
def test_without_a_catalogue_the_file_name_gives_the_title(
    tmp_path: Path, name: str, title: str
) -> None:
    (tmp_path / name).write_text("", encoding="utf-8")
    article = article_of(tmp_path / name)
    assert article.title == title
    assert article.url == page_url(title)
    assert article.name == str(tmp_path / name)


def test_page_urls() -> None:
    assert page_url("Foreign relations of Côte d'Ivoire") == (
        "https://en.wikipedia.org/wiki/Foreign_relations_of_C%C3%B4te_d'Ivoire"
    )


def test_unreadable_articles(tmp_path: Path) -> None:
    bad = tmp_path / "chad.wikitext"
    bad.write_bytes(b"ok \xff")
    with pytest.raises(StoreError, match=r"chad.wikitext: byte 3: not UTF-8"):
        article_of(bad)
    with pytest.raises(StoreError, match="no such file or folder"):
        files([str(tmp_path / "none")])
    assert files([str(tmp_path), str(bad)]) == [bad, bad]
