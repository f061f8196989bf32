"""The bundled store is built from data/sources alone, exactly as committed."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from bilat import codec
from bilat.dates import PartialDate
from bilat.model import Event, Source
from bilat.vocab import SOURCE_TYPES
from tests.helpers import ROOT, load_text, store_text
from tests.helpers import event as an_event

TOOLS = ROOT / "tools"
STORE = ROOT / "data" / "events.json"
PARTNERS = ROOT / "data" / "sources" / "partners"


@pytest.fixture(scope="module")
def build_store() -> Iterator[ModuleType]:
    sys.path.insert(0, str(TOOLS))
    try:
        import build_store

        yield build_store
    finally:
        sys.path.remove(str(TOOLS))


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return list(codec.loads(STORE.read_bytes(), str(STORE)))


def test_the_committed_store_is_what_the_build_makes(build_store: ModuleType) -> None:
    data, report = build_store.build()
    assert data == STORE.read_bytes(), "run: python tools/build_store.py"
    assert report["events"] > 1500


def test_the_committed_index_is_what_the_build_makes(build_store: ModuleType) -> None:
    shipped = STORE.with_name("events.index")
    made = build_store.shipped_index(STORE.read_bytes())
    assert made == shipped.read_bytes(), "run: python tools/build_store.py"
    assert (ROOT / "src" / "bilat" / "data" / "events.index").read_bytes() == made


def test_the_build_check_mode(build_store: ModuleType, tmp_path: Path) -> None:
    output = tmp_path / "events.json"
    assert build_store.main(["--output", str(output)]) == 0
    assert output.read_bytes() == STORE.read_bytes()
    assert build_store.main(["--output", str(output), "--check"]) == 0
    output.with_name("events.index").write_bytes(b"stale")
    assert build_store.main(["--output", str(output), "--check"]) == 1


def all_sources(event: Event) -> list[Source]:
    return [*event.sources, *(s for c in event.disputed or () for s in c.sources)]


def test_no_source_is_a_mirror(build_store: ModuleType, events: list[Event]) -> None:
    listed = build_store.mirrors()
    assert "jablog.org" in listed
    assert "wikimili.com" in listed
    for event in events:
        for source in all_sources(event):
            assert not build_store.is_mirror(source.url, listed), (event.id, source.url)


def test_every_source_says_its_type(events: list[Event]) -> None:
    types = {source.type for event in events for source in all_sources(event)}
    assert types <= set(SOURCE_TYPES)  # curated pages may be "other"
    assert None not in types
    (guide,) = [e for e in events if e.id == "az-us-diplomatic-relations"]
    assert guide.sources[0].type == "official"  # the Office of the Historian


def test_the_mirror_check_knows_subdomains_and_bare_addresses(build_store: ModuleType) -> None:
    listed = ["wiki7.org"]
    assert build_store.is_mirror("https://nl.wiki7.org/wiki/X", listed)
    assert build_store.is_mirror("http://95.217.235.12/article", listed)
    assert not build_store.is_mirror("https://www.mofa.go.jp/region/", listed)


def test_azerbaijan_and_the_united_states(events: list[Event]) -> None:
    (relations,) = [e for e in events if e.id == "az-us-diplomatic-relations"]
    assert relations.date.isoformat() == "1992-02-19"
    assert any("history.state.gov" in (s.url or "") for s in relations.sources)
    assert {c.date.isoformat() for c in relations.disputed or () if c.date} == {"1992-02-28"}


GUIDE = ROOT.parent / "shared" / "data" / "rdcr"
CLAIMS = ROOT / "data" / "sources" / "rdcr.json"


@pytest.fixture(scope="module")
def guide_claims() -> list[Event]:
    return list(codec.loads(CLAIMS.read_bytes(), str(CLAIMS)))


@pytest.fixture(scope="module")
def extract_rdcr(build_store: ModuleType) -> ModuleType:
    import extract_rdcr  # tools/extract_rdcr.py, on the path while build_store is

    return extract_rdcr


def test_the_guide_is_in_the_bundled_store(
    build_store: ModuleType, guide_claims: list[Event], events: list[Event]
) -> None:
    stored = {e.id for e in events}
    by_key = {(frozenset(e.parties), e.kind, e.by) for e in events}
    since = build_store.states_since()
    early = [e.id for e in guide_claims if build_store.too_early(e.parties, e.date, since)]
    assert early == ["ss-us-consulate-opened-2005-11-11"]  # Juba, before South Sudan
    for event in guide_claims:
        key = (frozenset(event.parties), event.kind, event.by)
        assert event.id in stored or key in by_key or event.id in early


@pytest.mark.skipif(
    not GUIDE.is_dir(), reason=f"the guide's articles are not at {GUIDE} (HistoryAtState/rdcr)"
)
def test_the_committed_guide_claims_are_what_the_importer_extracts(
    extract_rdcr: ModuleType,
) -> None:
    data, report = extract_rdcr.extract(GUIDE)
    assert data == CLAIMS.read_bytes(), "run: python tools/extract_rdcr.py"
    assert (report["files"], report["entries"]) == (228, 1222)
    assert extract_rdcr.main(["--check"]) == 0
    named = " ".join(report["historical_states_skipped"])
    for state in ("Baden", "Bavaria", "Hawaii", "Texas", "Two Sicilies", "Austrian Empire"):
        assert state in named
    listed = {(d["file"], d["heading_year"], d["prose_date"]) for d in report["disagreements"]}
    assert ("saint-lucia.xml", "1983", "1979-06-11") in listed
    assert ("nicaragua.xml", "1942", "1943-03-27") in listed


def test_the_extract_tool_says_where_the_guide_is_missing(
    extract_rdcr: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert extract_rdcr.main(["--guide", str(tmp_path / "absent"), "--check"]) == 1
    assert "HistoryAtState/rdcr" in capsys.readouterr().err


def test_the_guide_claims_as_the_guide_says(guide_claims: list[Event]) -> None:
    by_id = {e.id: e for e in guide_claims}
    japan = {e.kind: e.date.isoformat() for e in guide_claims if "JP" in e.parties}
    assert japan["recognition"] == "1854-03-31"  # not Perry's arrival of 8 July 1853
    assert japan["diplomatic-relations"] == "1858-07-29"
    assert by_id["jp-us-relations-suspended-1941-12-08"].kind == "relations-suspended"
    assert by_id["jp-us-relations-restored-1952-04-28"].kind == "relations-restored"
    assert by_id["jp-us-consulate-opened-1862"].end_date.isoformat() == "1950"
    assert by_id["az-us-diplomatic-relations"].date.isoformat() == "1992-02-19"
    lucia = by_id["lc-us-diplomatic-relations"]
    assert [c.date.isoformat() for c in lucia.disputed or () if c.date] == ["1983"]
    codes = {p for e in guide_claims for p in e.parties}
    assert {"CSHH", "DDDE"} <= codes
    assert len(codes - {"US"}) >= 180
    for event in guide_claims:
        assert event.sources[0].url.startswith("https://history.state.gov/countries/")


def test_the_guide_as_audited(guide_claims: list[Event]) -> None:
    by_id = {e.id: e for e in guide_claims}
    # East Germany's entries in Germany's article are East Germany's, once
    assert "de-us-diplomatic-relations-1974-09-04" not in by_id
    assert len(by_id["ddde-us-diplomatic-relations"].sources) == 2
    # the embassy's opening is not a second establishment
    assert "ddde-us-diplomatic-relations-1974-12-09" not in by_id
    assert by_id["ddde-us-embassy-opened-1974-12-09"].kind == "embassy-opened"
    # South Yemen is not Yemen; the Federation of Mali is not Mali
    assert by_id["us-ydye-diplomatic-relations"].date.isoformat() == "1967-12-07"
    assert "us-ye-diplomatic-relations-1967-12-07" not in by_id
    assert by_id["us-recognises-ml"].date.isoformat() == "1960-09-24"
    # the markup's slips (South Sudan recognised in 1882, Eritrea in 1933) are gone
    for event in guide_claims:
        for claim in event.disputed or ():
            assert claim.date, event.id
            assert claim.date.year >= 1776, event.id
    assert not by_id["us-recognises-ss"].disputed
    assert "us-recognises-er-1933" not in by_id
    assert not any("Commericial" in e.title for e in guide_claims)


def test_no_claim_dates_an_act_before_both_states_existed(
    build_store: ModuleType, events: list[Event]
) -> None:
    since = build_store.states_since()
    assert (since["SS"], since["ER"], since["XK"]) == (2011, 1993, 2008)
    for event in events:
        assert not build_store.too_early(event.parties, event.date, since), event.id
        for claim in event.disputed or ():
            if claim.date:
                assert not build_store.too_early(event.parties, claim.date, since), event.id
    assert build_store.too_early(["US", "SS"], PartialDate.parse("1882"), since)
    assert not build_store.too_early(["US", "SS"], PartialDate.parse("2011-07-09"), since)


def test_japan_recognising_croatia_stays_disputed(events: list[Event]) -> None:
    (event,) = [e for e in events if e.id == "jp-recognises-hr"]
    dates = {event.date.isoformat(), *(c.date.isoformat() for c in event.disputed or () if c.date)}
    assert dates == {"1992-03", "1992-06-25"}


def test_the_dispute_rule_fixes_the_known_slips(events: list[Event]) -> None:
    by_id = {e.id: e for e in events}
    for ident, kept, other, why in (
        ("az-tm-diplomatic-relations", "1992-06-09", "1992-07-09", "more sources agree"),
        ("az-mx-diplomatic-relations", "1992-01-14", "1992-02-10", "rests on a scholarly work"),
        ("az-us-diplomatic-relations", "1992-02-19", "1992-02-28", "rests on an official"),
    ):
        event = by_id[ident]
        assert event.date.isoformat() == kept
        (claim,) = [c for c in event.disputed or () if c.date and c.date.isoformat() == other]
        assert why in (claim.note or "").split("Not taken: ")[1]


def claim(build_store: ModuleType, date: str, kind: str, url: str | None, order: int) -> object:
    source = {"title": url or "a name", **({"url": url} if url else {})}
    return build_store.Claim(PartialDate.parse(date), [source], build_store.RANKS[kind], order)


def test_the_dispute_rule_is_total(build_store: ModuleType) -> None:
    claims = [
        claim(build_store, "1992", "official", "https://mfa.example/a", 2),
        claim(build_store, "1992-07-09", "news", "https://news.example/b", 3),
        claim(build_store, "1992-06-09", "news", "https://news.example/c", 4),
        claim(build_store, "1992-06-09", "news", "https://news.example/d", 5),
        claim(build_store, "1993-01-05", "encyclopedia", "https://en.wikipedia.org/wiki/E", 6),
        claim(build_store, "1992-07-09", "news", None, 7),  # known by name only: no weight
    ]
    for turn in range(len(claims)):  # the order of the claims never matters
        shuffled = claims[turn:] + claims[:turn]
        date, agree, others = build_store.decide(list(reversed(shuffled)))
        assert date.isoformat() == "1992-06-09"
        assert len(agree) == 3
        assert {c.date.isoformat() for c in others} == {"1992-07-09", "1993-01-05"}
        date, _, _ = build_store.decide(shuffled)
        assert date.isoformat() == "1992-06-09"
    ties = [
        claim(build_store, "1992-02-10", "news", "https://news.example/x", 2),
        claim(build_store, "1992-01-14", "news", "https://news.example/y", 3),
    ]
    for pair in (ties, ties[::-1]):
        assert build_store.decide(pair)[0].isoformat() == "1992-01-14"
    assert build_store.why_not(PartialDate.parse("1992-02-10"), ties).startswith(
        "its sources are as strong and as many as those of 1992-01-14"
    )
    assert build_store.why_not(PartialDate.parse("1993-01-05"), claims).startswith(
        "1992 rests on an official source, this date on an encyclopedia"
    )


def rows(pattern: str) -> Iterator[dict[str, str]]:
    for path in sorted(PARTNERS.glob(pattern)):
        with path.open(encoding="utf-8", newline="") as f:
            yield from csv.DictReader(f)


def test_undated_pairs_are_not_dated_and_say_why(events: list[Event]) -> None:
    dated = {
        frozenset(e.parties)
        for e in events
        if e.kind == "diplomatic-relations" and len(e.parties) == 2
    }
    listed = list(rows("*-undated.csv"))
    assert listed
    for row in listed:
        assert row["status"] in ("undated", "no-relations")
        assert row["reason"].strip()
        assert frozenset((row["focal"], row["partner"])) not in dated, row


def test_claim_tables_are_well_formed() -> None:
    header = "focal,partner,kind,date,by,place,source_url,source_title,source_type,note"
    for path in PARTNERS.glob("*.csv"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if not path.name.endswith("-undated.csv"):
            assert first.strip().lstrip("\ufeff") == header, path.name
    for row in rows("*.csv"):
        if "status" in row:
            continue
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["date"]), row
        assert row["source_type"] in ("official", "scholarly", "news", "encyclopedia"), row
        assert row["source_title"], row


def test_the_readme_table_is_the_coverage_of_today(data_coverage: ModuleType) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert data_coverage.table() in readme, (
        "run: python tools/data_coverage.py and update the README"
    )


@pytest.fixture(scope="module")
def data_coverage(build_store: ModuleType) -> ModuleType:
    import data_coverage  # tools/data_coverage.py, on the path while build_store is

    return data_coverage


def test_the_store_dates_every_pair_a_list_dates(data_coverage: ModuleType) -> None:
    pairs, shares = data_coverage.world()
    assert pairs >= 15000
    assert len(shares) >= 190  # every UN member whose article has a list
    assert data_coverage.check() == []
    (az,) = [s for s in shares if s[0] == "AZ"]
    assert az[2] == az[1]


def test_where_the_two_lists_differ_a_key_of_the_rule_decides(data_coverage: ModuleType) -> None:
    counts = data_coverage.disputes()
    decided = counts["the lists differ"]
    assert counts["both lists agree"] > 10 * decided > 0
    assert "neither list's date kept" not in counts
    assert sum(n for key, n in counts.items() if key.startswith(("decided", "one list"))) == (
        decided
    )
    assert counts["decided by a stronger source type"] > 0


def test_every_partner_of_azerbaijan_is_dated_or_has_no_relations(
    data_coverage: ModuleType, events: list[Event]
) -> None:
    from bilat import partners

    listed = data_coverage.listed_by_subject()
    members = {code for code in listed if code not in data_coverage.NOT_MEMBERS}
    dated = {p.code for p in partners.relations(events, "AZ", data_coverage.AS_OF) if p.established}
    none = {r["partner"]: r["reason"] for r in rows("az-undated.csv")}
    assert set(none) == {"AM", "CF", "CY", "KI", "XK", "FM", "NU", "TO"}
    assert all(reason.strip() for reason in none.values())
    assert {r["status"] for r in rows("az-undated.csv")} == {"no-relations"}
    assert members - {"AZ"} - dated == set(none) & members
    (botswana,) = [e for e in events if e.id == "az-bw-diplomatic-relations"]
    assert botswana.date.isoformat() == "2023-12"
    japan = {
        p.code: p.established
        for p in partners.relations(events, "JP", data_coverage.AS_OF)
        if p.established
    }
    assert {"SL", "SS"} <= set(japan)


def test_coverage_counts_each_date_by_its_evidence(build_store: ModuleType, tmp_path: Path) -> None:
    import data_coverage

    def wiki(name: str) -> dict[str, str]:
        title = f"Foreign relations of {name}"
        url = "https://en.wikipedia.org/wiki/" + title.replace(" ", "_")
        return {"title": f"Wikipedia (English): {title}", "url": url, "type": "encyclopedia"}

    mofa = {"title": "MOFA", "url": "https://www.mofa.go.jp/a", "type": "official"}
    events = [
        # Japan's relations: with Kazakhstan on both states' own lists (the articles), with
        # Georgia on Japan's ministry and Georgia's article, with Türkiye on one article.
        an_event(id="jp-kz", parties=["JP", "KZ"], sources=[wiki("Japan"), wiki("Kazakhstan")]),
        an_event(id="jp-ge", parties=["JP", "GE"], sources=[mofa, wiki("Georgia")]),
        an_event(id="jp-tr", parties=["JP", "TR"], sources=[wiki("the Republic of Türkiye")]),
        # A source with no type and no address: not stated. One on a US .gov page: official.
        an_event(id="jp-us", parties=["JP", "US"], sources=[{"title": "A book"}]),
        an_event(id="kz-us", parties=["KZ", "US"], sources=[{"title": "State", "url": "https://history.state.gov/x"}]),
        an_event(id="jp-kz-visit", parties=["JP", "KZ"], kind="visit", sources=[mofa]),
    ]  # fmt: skip
    store = tmp_path / "events.json"
    store.write_text(store_text(*events), encoding="utf-8")
    found = data_coverage.rows(load_text(store_text(*events)), 2, {}, Counter({"JP": 7}))
    assert data_coverage.markdown(found) == [
        (
            "| country | partners dated | undated | official | encyclopedia only | both sides "
            "| not stated |"
        ),
        "|---|---:|---:|---:|---:|---:|---:|",
        "| Japan | 4 | 7 | 25% | 50% | 50% | 25% |",
        "| Kazakhstan | 2 | – | 50% | 50% | 50% | 0% |",
        "| United States | 2 | – | 50% | 0% | 0% | 50% |",
        "| All countries | 5 | – | 40% | 40% | 40% | 20% |",
    ]
    text = data_coverage.table(store, min_partners=9)
    assert text.splitlines()[2].startswith("| All countries | 5 |")
    assert "All 6 events, by evidence: official 50%, encyclopedia 33%, not stated 17%." in text
    assert data_coverage.main(["--store", str(store)]) == 0


def test_sources_name_their_readme() -> None:
    text = (ROOT / "data" / "sources" / "README.md").read_text(encoding="utf-8")
    names = ("curated/az-jp.json", "partners/", "rdcr.json", "mirrors.txt", "states.csv")
    for name in (*names, "dispute rule"):
        assert name in text


@pytest.mark.parametrize("path", sorted(Path(ROOT / "tools").glob("*.py")), ids=lambda p: p.name)
def test_tools_are_short(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) < 400
