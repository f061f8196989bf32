"""Build bilat's bundled event store, ``data/events.json``, from the shared source data.

Usage (from anywhere; stdlib only)::

    python tools/build_store.py [SHARED_DIR] [--output PATH]

``SHARED_DIR`` defaults to ``../shared`` relative to the repository root. It must hold
``data/az-jp-events.csv``, ``data/diplomatic-relations.csv`` and the seed with the 2022
letter (see ``data/README.md`` there for the data and its known conflicts).

Every curation decision is a table below, so that a build is reproducible and a reviewer can
read the decisions without running anything:

* ``ABBREVIATIONS``: the short names the CSV's ``conflict`` column uses for its sources,
  mapped to the URL the same source has elsewhere in the CSV;
* ``AZ_JP``: one entry per row of ``az-jp-events.csv`` that becomes an event (id, ``by``,
  place, end date, note, title/summary when tightened, sources whose less precise date
  contains the event's date);
* ``AZ_JP_CLAIMS``: rows that are another source's date for an event above; they become
  ``disputed`` claims of that event;
* ``EXTRA_CLAIMS`` / ``EXTRA_SOURCES`` / ``LETTERS``: disputed dates, sources and letter
  metadata not carried by a row of their own;
* ``DR_*``: titles for the sources of ``diplomatic-relations.csv``, the disputed dates of
  the README's table and the README's conventions as notes.

The build fails loudly when a row is not covered by exactly one table entry, or when the
result breaks a rule of the store format (checked by ``check`` before anything is written).
"""

from __future__ import annotations

import argparse
import calendar
import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from bilat.countries import is_known, name  # stdlib-only module: display names of codes

DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUTPUT = ROOT / "data" / "events.json"
EVENTS_CSV = Path("data") / "az-jp-events.csv"
RELATIONS_CSV = Path("data") / "diplomatic-relations.csv"
LETTER_SEED = Path("seeds") / "000_d0982f57d5c1d25b.txt"

DASH = "\u2013"  # en dash between two country names ("Azerbaijan-Japan" with an en dash)

# --------------------------------------------------------------------------- az-jp sources

# The `conflict` column names some sources by a short name; each is a page that appears with
# its URL (and title) elsewhere in az-jp-events.csv. "azint" (a charge d'affaires' letter
# about the opening of Japan's embassy) appears nowhere else, so it has no URL: it is only
# mentioned in a note.
ABBREVIATIONS: dict[str, str] = {
    # Embassy of Azerbaijan in Japan: Azerbaijan-Japan bilateral relations
    "azemb": "https://tokyo.mfa.gov.az/jp/content/3/bilateral-relations",
    # MOFA Japan: 2006 joint statement (Japanese provisional translation)
    "mofa06": "https://www.mofa.go.jp/mofaj/kaidan/yojin/arc_06/azerbaijan_gh.html",
    # ADA: 2009 interview with the Japanese ambassador
    "ada": "http://biweekly.ada.edu.az/interviews/Azerbaijan_Japan_Interview_22JAN2009.htm",
    # The Diplomatic Insight, 2022-09-07 (the seed's article)
    "tdi": "https://thediplomaticinsight.com/30th-anniversary-of-japan-azerbaijan-relations/",
    # Heydar Aliyev Heritage library, German page on the 1998 visit (dated 24-27 Feb 1998)
    "ahde": "http://lib.aliyevheritage.org/de/6017125.html",
    # Heydar Aliyev Heritage library, background to the 26 Feb 1998 speech
    "ahbg": "https://lib.aliyevheritage.org/en/6960010.html",
    # obastan, copy of the Azerbaijani Wikipedia article on Azerbaijan-Japan relations
    "azwiki": "https://obastan.com/wiki/Az%C9%99rbaycan%E2%80%93Yaponiya_m%C3%BCnasib%C9%99tl%C9%99ri",
    # Reprint of Eurasia Daily Monitor, 2006-03-13
    "edm": (
        "https://armeniandiaspora.com/forum/2006/march-2006/"
        "40766-azerbaijan-signals-eastward-tilt-with-presidential-viist-to-japan?p=40766"
    ),
}


@dataclass(frozen=True)
class Row:
    """How one row of az-jp-events.csv becomes an event."""

    id: str
    by: str | None = None  # the acting party; None for mutual acts
    date: str | None = None  # replaces the CSV date when set (a fuller date the source gives)
    title: str | None = None  # replaces the CSV title when set
    summary: str | None = None  # replaces the CSV summary when set
    place: str | None = None
    end_date: str | None = None
    note: str | None = None
    # sources (ABBREVIATIONS keys) whose less precise date contains the event's date: they
    # agree with it and are added to the event's sources
    agreeing: tuple[str, ...] = ()


# Keyed by the row's (date, title), which is unique in the CSV. In CSV order.
AZ_JP: dict[tuple[str, str], Row] = {
    ("1991-12-28", "Japan recognises Azerbaijan"): Row(
        "jp-recognises-az",
        by="JP",
        agreeing=("azwiki",),
        note=(
            "The Japanese ambassador's 2009 interview (ADA) and the Azerbaijani Wikipedia copy "
            "give only December 1991; the day, 28, is from the Azerbaijani embassy's site and "
            "the other Wikipedia copies."
        ),
    ),
    ("1992-09-07", "Diplomatic relations established"): Row(
        "az-jp-diplomatic-relations",
        title="Diplomatic relations established",
    ),
    ("1992-10", "Foreign Minister Tofig Gasimov in Tokyo"): Row(
        "az-fm-gasimov-tokyo-1992", by="AZ", place="Tokyo"
    ),
    ("1996-05", "SOCAR leadership visits Japan"): Row("socar-visit-japan-1996", by="AZ"),
    ("1997", "First Japanese ODA loan to Azerbaijan"): Row(
        "jp-oda-loan-1997",
        by="JP",
        note=(
            "The loan years 1997, 1999 and 2005 are from the Japanese ambassador's 2009 "
            "interview (ADA). The Heydar Aliyev library dates the exchange of notes for the "
            "Shimal (Severnaya) power-plant loan to 1998-02-26 (event "
            "shimal-power-plant-loan-notes-1998)."
        ),
    ),
    ("1997-03-07", "Milli Majlis working group on relations with Japan"): Row(
        "az-parliament-japan-working-group",
        by="AZ",
        note="Single source, a copy of the Azerbaijani Wikipedia.",
    ),
    ("1998-01", "Prime Minister Artur Rasizade in Japan"): Row(
        "az-pm-rasizade-japan-1998", by="AZ"
    ),
    ("1998-02-24", "First official visit of President Heydar Aliyev to Japan"): Row(
        "heydar-aliyev-visit-japan-1998",
        by="AZ",
        end_date="1998-02-28",
        summary=(
            "Heydar Aliyev made the first official visit of an Azerbaijani president to "
            "Japan, meeting Emperor Akihito and Prime Minister Ryutaro Hashimoto."
        ),
        note=(
            "End date 28 February per the Azerbaijani embassy's site and the Heydar Aliyev "
            "library (English); the library's German page says 27 February (see disputed). "
            "The number of documents signed during the visit differs: 7 (the library's "
            "German page), 8 (the library's background page to the 26 February speech), 10 "
            "(Russian and English Wikipedia copies). glory.rin.ru (2006) wrongly prints 1988 "
            "for this visit."
        ),
    ),
    (
        "1998-02-26",
        "Joint statements on friendship/partnership and on trade and economic cooperation",
    ): Row(
        "jp-az-joint-statements-1998",
        title="Joint statements on friendship and partnership and on economic cooperation",
        place="Tokyo",
        note=(
            "The number of documents signed during Heydar Aliyev's visit differs: 7 (Heydar "
            "Aliyev library, German page), 8 (the library's background page), 10 (Russian and "
            "English Wikipedia copies)."
        ),
    ),
    ("1998-02-26", "Loan notes for the Shimal (Severnaya) power plant"): Row(
        "shimal-power-plant-loan-notes-1998",
        note=(
            "Related to the series of three ODA loans (1997, 1999, 2005) that the Japanese "
            "ambassador described in 2009 (ADA)."
        ),
    ),
    ("1998", "Japan-Azerbaijan parliamentary friendship league founded"): Row(
        "jp-parliamentary-friendship-league",
        by="JP",
        note="Exact date not found; founded after Heydar Aliyev's visit of February 1998.",
    ),
    ("1999-03", "Deputy PM Abid Sharifov in Japan"): Row(
        "az-deputy-pm-sharifov-japan-1999-03",
        by="AZ",
        title="Deputy PM Abid Sharifov in Japan (March 1999)",
    ),
    ("1999-04", "Japanese foreign minister visits Azerbaijan"): Row(
        "jp-fm-visit-az-1999",
        by="JP",
        note=(
            "Single secondary source (Heydar Aliyev library); the minister is not named and "
            "no primary confirmation was found."
        ),
    ),
    ("1999", "Second Japanese ODA loan"): Row("jp-oda-loan-1999", by="JP"),
    ("1999-10", "Deputy PM Sharifov at Japan-Azerbaijan economic meeting"): Row(
        "az-deputy-pm-sharifov-japan-1999-10", by="AZ"
    ),
    ("1999-10-08", "Heydar Aliyev receives Japanese delegation in Baku"): Row(
        "heydar-aliyev-receives-jp-delegation-1999", by="JP", place="Baku"
    ),
    ("1999-10-22", "Aliyev letter to PM Obuchi on embassy plans"): Row(
        "heydar-aliyev-letter-obuchi-1999",
        by="AZ",
        title="Heydar Aliyev's letter to PM Obuchi on the embassy plans",
        place="Baku",
    ),
    ("2000-01-21", "Embassy of Japan opens in Baku"): Row(
        "jp-embassy-baku",
        by="JP",
        place="Baku",
        agreeing=("mofa06", "ada", "tdi"),
        note=(
            "January 2000 is also given by Japan's 2006 joint statement and by the Japanese "
            "ambassador in 2009 (ADA); The Diplomatic Insight gives only 2000. A charge "
            'd\'affaires wrote (a source the data cites only as "azint", without an address) '
            "that the team opening the embassy would travel to Baku on 2000-02-08."
        ),
    ),
    ("2000-07-15", "Japanese ambassador presents credentials"): Row(
        "jp-ambassador-credentials-2000", by="JP", place="Baku"
    ),
    ("2001-06", "Foreign Minister Vilayat Guliyev in Japan"): Row(
        "az-fm-guliyev-japan-2001", by="AZ"
    ),
    ("2001-11", "Deputy PM Abid Sharifov in Japan"): Row(
        "az-deputy-pm-sharifov-japan-2001",
        by="AZ",
        title="Deputy PM Abid Sharifov in Japan (November 2001)",
        note="The purpose of the visit is not visible in the source excerpt.",
    ),
    ("2004-08-31", "Ilham Aliyev receives Japanese parliamentary friendship league"): Row(
        "jp-friendship-league-delegation-2004", by="JP"
    ),
    ("2004-10-05", "Shohrat order for Japanese ambassador"): Row(
        "shohrat-order-jp-ambassador-2004", by="AZ"
    ),
    ("2005-01", "Senior Vice-Minister Ichiro Aisawa visits Azerbaijan"): Row(
        "jp-aisawa-visit-az-2005", by="JP"
    ),
    ("2005-05-30", "Succession to Japan-USSR treaties settled"): Row(
        "jp-ussr-treaties-succession-2005",
        note="The Today.az article of 2005-05-31 says the signing was the previous day.",
    ),
    ("2005", "Third Japanese ODA loan"): Row("jp-oda-loan-2005", by="JP"),
    ("2005-10-12", "Embassy of Azerbaijan opens in Tokyo"): Row(
        "az-embassy-tokyo",
        by="AZ",
        place="Tokyo",
        note=(
            "12 October 2005 is the date on the Azerbaijani embassy's own site. The Japanese "
            "ambassador (ADA, 2009) gives October 2005 and The Diplomatic Insight 2005, both "
            "consistent with it."
        ),
    ),
    ("2006-03-07", "Official visit of President Ilham Aliyev to Japan"): Row(
        "ilham-aliyev-visit-japan-2006",
        by="AZ",
        end_date="2006-03-10",
        summary=(
            "Ilham Aliyev paid an official visit to Japan, meeting the Emperor, Prime Minister "
            "Junichiro Koizumi and Foreign Minister Taro Aso."
        ),
        note=(
            "7-10 March per the Azerbaijani embassy's site and glory.rin.ru; a reprint of "
            "Eurasia Daily Monitor dates the visit to 8 March (see disputed)."
        ),
    ),
    ("2006-03-10", "Joint Statement on Further Development of Friendship and Partnership"): Row(
        "jp-az-joint-statement-2006"
    ),
    ("2006-03", "Technical cooperation agreement"): Row(
        "jp-az-technical-cooperation-agreement",
        note=(
            "Eurasia Daily Monitor cites Trend of 7 March; the exact day of signing was not "
            "confirmed."
        ),
    ),
    ("2007-08", "Parliamentary Vice-Minister Midori Matsushima visits"): Row(
        "jp-matsushima-visit-az-2007", by="JP"
    ),
    ("2009-04", "Parliamentary Vice-Minister Yasutoshi Nishimura visits"): Row(
        "jp-nishimura-visit-az-2009", by="JP"
    ),
    ("2009-06-16", "Foreign Minister Elmar Mammadyarov visits Japan"): Row(
        "az-fm-mammadyarov-japan-2009",
        by="AZ",
        end_date="2009-06-21",
        summary=(
            "FM Elmar Mammadyarov visited Japan and met Foreign Minister Hirofumi Nakasone on "
            "17 June."
        ),
    ),
    ("2009-06-17", "Joint press statement; regular foreign-ministry consultations"): Row(
        "jp-az-joint-press-statement-2009", place="Tokyo"
    ),
    ("2011-05", "Parliamentary Vice-Minister Hisashi Tokunaga visits"): Row(
        "jp-tokunaga-visit-az-2011", by="JP"
    ),
    ("2012-09-07", "20th anniversary congratulatory messages"): Row(
        "jp-fm-letter-20th-anniversary",
        by="JP",
        title="Japanese foreign minister's message for the 20th anniversary",
        summary=(
            "Japan's foreign minister congratulated FM Elmar Mammadyarov on the 20th "
            "anniversary of diplomatic relations; the Japanese embassy published the message."
        ),
        note=(
            "The embassy's page calls the author Japan's foreign minister; he is named "
            "(Koichiro Gemba) in AZE.az's report of the 20th anniversary (event "
            "az-jp-20th-anniversary-baku)."
        ),
    ),
    ("2012", "20th anniversary letters handed over in Baku"): Row(
        "az-jp-20th-anniversary-baku",
        place="Baku",
        note="The day is not visible in the source; likely around 2012-09-07, not confirmed.",
    ),
    ("2014-04", "Parliamentary Vice-Minister Takao Makino visits"): Row(
        "jp-makino-visit-az-2014", by="JP"
    ),
    ("2015-04-19", "Speaker Ogtay Asadov official visit to Japan"): Row(
        "az-speaker-asadov-japan-2015",
        by="AZ",
        end_date="2015-04-25",
        place="Tokyo",
        summary=(
            "The speaker of the Milli Majlis made an official visit to Tokyo and met the "
            "speaker of the House of Representatives."
        ),
    ),
    ("2015-10-26", "State Minister Akira Amari delegation in Baku"): Row(
        "jp-amari-delegation-baku-2015",
        by="JP",
        place="Baku",
        note=(
            'The year is inferred from the weekday: the source prints "Monday, 26 October" '
            "without a year, and 26 October fell on a Monday only in 2015 during Amari's term "
            "as economic minister (December 2012 to January 2016); his stated previous visit "
            "11 years earlier matches the 2004-08-31 meeting. Not yet checked against "
            "AZERTAC's English archive."
        ),
    ),
    ("2017", "PM Abe letter on 25th anniversary"): Row(
        "abe-letter-25th-anniversary",
        by="JP",
        date="2017-07-20",
        title="PM Shinzo Abe's letter for the 25th anniversary",
        note=(
            'The source page shows "20 July" with no year; the year 2017 is inferred from '
            "the letter marking the 25th anniversary of relations established in 1992. The "
            "investment agreement was only under negotiation; no signature was found."
        ),
    ),
    ("2018-09-05", "Foreign Minister Taro Kono visits Baku"): Row(
        "jp-fm-kono-visit-baku-2018",
        by="JP",
        place="Baku",
        note=(
            "The date is that of the News.az article; the German source says Wednesday, "
            "consistent with 2018-09-05."
        ),
    ),
    ("2022-05-05", "Parliamentary Vice-Minister Taro Honda in Baku"): Row(
        "jp-honda-visit-baku-2022", by="JP", place="Baku"
    ),
    ("2022-09-07", "Ilham Aliyev letter for the 30th anniversary"): Row(
        "aliyev-letter-30th-anniversary",
        by="AZ",
        title="Ilham Aliyev's letter for the 30th anniversary",
        summary=(
            "President Ilham Aliyev congratulated Prime Minister Fumio Kishida on the 30th "
            "anniversary of diplomatic relations."
        ),
        note=(
            "The English text is The Diplomatic Insight's. A Russian-language report of the "
            'same letter (Novaya Epokha) names the recipient, opens "Dear Mr. Prime '
            'Minister" and has one sentence that the English text leaves out.'
        ),
    ),
    ("2022-09-07", "30th anniversary event and exhibition in Baku"): Row(
        "az-jp-30th-anniversary-baku",
        by="AZ",
        place="Baku",
        note="The Today.az article is dated 2022-09-08 and says the event took place on 7 September.",
    ),
    ("2025", "Azerbaijan pavilion at Expo 2025 Osaka"): Row(
        "az-expo-2025-osaka", by="AZ", place="Osaka"
    ),
}

# Rows that are another source's date for an event of AZ_JP: (date, title) -> (event id,
# note). The claim takes the row's date and sources.
AZ_JP_CLAIMS: dict[tuple[str, str], tuple[str, str]] = {
    ("2001-01", "Embassy of Japan in Baku (alternative date claim)"): (
        "jp-embassy-baku",
        (
            "The Heydar Aliyev library's background page dates the opening to January 2001; "
            "probably an error, as the Azerbaijani embassy's site and Japan's 2006 joint "
            "statement give January 2000."
        ),
    ),
    ("2005-09", "Embassy of Azerbaijan in Tokyo (per 2006 joint statement)"): (
        "az-embassy-tokyo",
        (
            "Japan's 2006 joint statement refers to the opening of Azerbaijan's embassy in "
            "September 2005."
        ),
    ),
    ("2002-10-01", "Azerbaijani representation in Tokyo (claim)"): (
        "az-embassy-tokyo",
        (
            "Wikipedia-derived texts date the opening of Azerbaijan's representation in Tokyo to "
            "1 October 2002; possibly an earlier representation, not the embassy."
        ),
    ),
}


@dataclass(frozen=True)
class ExtraClaim:
    """A disputed date that has no row of its own; ``sources`` are ABBREVIATIONS keys."""

    note: str
    sources: tuple[str, ...]
    date: str | None = None
    end_date: str | None = None


EXTRA_CLAIMS: dict[str, tuple[ExtraClaim, ...]] = {
    "heydar-aliyev-visit-japan-1998": (
        ExtraClaim(
            end_date="1998-02-27",
            note="The Heydar Aliyev library's German page dates the visit 24-27 February 1998.",
            sources=("ahde",),
        ),
    ),
    "ilham-aliyev-visit-japan-2006": (
        ExtraClaim(
            date="2006-03-08",
            note="A reprint of Eurasia Daily Monitor (2006-03-13) dates the visit to 8 March.",
            sources=("edm",),
        ),
    ),
}

# Sources that appear in neither CSV.
EXTRA_SOURCES: dict[str, tuple[dict[str, str], ...]] = {
    "aliyev-letter-30th-anniversary": (
        {
            "title": "Novaya Epokha (Russian): report of the letter, naming PM Kishida as recipient",
            "url": "https://novayaepoxa.com/prezident-ilkham-aliev-napravil-pozd-7/414651/embed",
        },
    ),
}

# Letter metadata; "text" is added from the seed for the 2022 letter only.
LETTERS: dict[str, dict[str, str]] = {
    "heydar-aliyev-letter-obuchi-1999": {
        "author": "Heydar Aliyev, President of the Republic of Azerbaijan",
        "recipient": "Keizo Obuchi, Prime Minister of Japan",
    },
    "jp-fm-letter-20th-anniversary": {
        "author": "Koichiro Gemba, Minister for Foreign Affairs of Japan",
        "recipient": "Elmar Mammadyarov, Minister of Foreign Affairs of the Republic of Azerbaijan",
    },
    "abe-letter-25th-anniversary": {
        "author": "Shinzo Abe, Prime Minister of Japan",
        "recipient": "Ilham Aliyev, President of the Republic of Azerbaijan",
    },
    "aliyev-letter-30th-anniversary": {
        "author": "Ilham Aliyev, President of the Republic of Azerbaijan",
        "recipient": "Fumio Kishida, Prime Minister of Japan",
        "language": "en",
    },
}
LETTER_WITH_SEED_TEXT = "aliyev-letter-30th-anniversary"
SEED_LETTER_HEADING = "Letter by the President of Azerbaijan:"
SEED_LETTER_PARAGRAPHS = 4
SEED_LETTER_FIRST = "This year we celebrate"
SEED_LETTER_LAST = "friendly people of Japan."

# --------------------------------------------------------------------------- relations

# Titles for the sources of diplomatic-relations.csv. Key: a piece of the URL (percent-
# decoded) that picks out exactly one of its pages; value: (site, subject). The subject is
# the page's title where the address shows it; SLUG takes it from the address (an article
# title such as "Azerbaijan-Sweden_relations"); None says "page on <A>-<B> relations" with
# the pair's names, where the address does not show what the page is titled. The pair AZ-JP
# takes its title from az-jp-events.csv.
SLUG = ""
DR_SOURCE_TITLES: dict[str, tuple[str, str | None]] = {
    # Azerbaijan
    "/Foreign_relations_of_Azerbaijan": (
        "jablog.org (Japanese copy of Wikipedia)",
        "Foreign relations of Azerbaijan",
    ),
    "belgium-stands-ready-to-deepen": (
        "News.az",
        "Belgium stands ready to deepen its relations with Azerbaijan",
    ),
    "mid.ru/ru/maps/az/": ("Ministry of Foreign Affairs of Russia", None),
    "movatter.jp": (
        "movatter.jp (machine-translation proxy of English Wikipedia)",
        f"Azerbaijan{DASH}South Africa relations",
    ),
    "conference-dedicated-to-azerbaijani-italian": (
        "Qazet.az",
        "Conference dedicated to Azerbaijani-Italian relations held",
    ),
    "Azerbaijan\u2013Sweden_relations": ("English Wikipedia", SLUG),
    "azernews.az/nation/220823": ("AzerNews", None),
    "vatican-azerbaijan-relations": (
        "AnewZ",
        "Vatican-Azerbaijan relations, a model of interfaith cooperation",
    ),
    "relations-of-tajikistan-with-azerbaijan": (
        "Ministry of Foreign Affairs of Tajikistan",
        "Relations of Tajikistan with Azerbaijan",
    ),
    "Azerbaijan\u2013Bulgaria_relations": ("English Wikipedia", SLUG),
    "obastan.com/wiki/": ("obastan (copy of Azerbaijani Wikipedia)", None),
    "pakistan-azerbaijan-enjoy-excellent": (
        "News.az",
        "Pakistan, Azerbaijan enjoy excellent bilateral ties: embassy",
    ),
    "nineoclock.ro": (
        "Nine O'Clock (Romania)",
        (
            "Romanian and Azerbaijani foreign ministers congratulate each other on the 25th "
            "anniversary of diplomatic relations"
        ),
    ),
    "wikihandbk.com": ("wikihandbk.com (copy of Russian Wikipedia)", None),
    "turkmenistan-nameren": (
        "Rambler News (Russian)",
        "Turkmenistan intends to expand ties with Azerbaijan",
    ),
    "today.az/news/regions/237861": ("Today.az", None),
    "azerbaijani-portuguese-foreign-ministries": (
        "News.az",
        "Azerbaijani, Portuguese foreign ministries issue joint press communique",
    ),
    "azernews.az/nation/197898": ("AzerNews", None),
    "Azerbaijan\u2013Morocco_relations": ("English Wikipedia", SLUG),
    "Azerbaijan\u2013Kazakhstan_relations": ("IPFS copy of English Wikipedia", SLUG),
    "Azerbaijan-UAE-Celebrate": (
        "MENAFN",
        "Azerbaijan, UAE celebrate 32nd anniversary of diplomatic relations",
    ),
    "lib.aliyevheritage.org/en/7921468": ("Heydar Aliyev Heritage library", None),
    "en.trend.az/azerbaijan/politics/3648375": ("Trend", None),
    "indonesia-is-a-strategic-partner": (
        "MINA News",
        "Ambassador of the Republic of Azerbaijan: Indonesia is a strategic partner",
    ),
    "Argentina\u2013Azerbaijan_relations": ("English Wikipedia", SLUG),
    "today.az/news/politics/182363": ("Today.az", None),
    "Azerbaijan\u2013Hungary_relations": ("WikiMili (copy of English Wikipedia)", SLUG),
    "Azerbaijan\u2013Belarus_relations": ("English Wikipedia", SLUG),
    "profilbaru.com": ("profilbaru.com (copy of French Wikipedia)", None),
    "mfa.gov.az/en/category/avropa/cexiya": (
        "Ministry of Foreign Affairs of Azerbaijan",
        "Czechia (bilateral relations page)",
    ),
    "Azerbaijan\u2013Jordan_relations": ("English Wikipedia", SLUG),
    "theasian.asia": ("The AsiaN", None),
    "azernews.az/nation/193394": ("AzerNews", None),
    "metbuat.az": ("Metbuat.az (Azerbaijani)", None),
    "medeniyyet.az": ("Medeniyyet.az", None),
    "azernews.az/nation/192952": ("AzerNews", None),
    "islamworld.preslib.az": (
        "Presidential Library of Azerbaijan (Islamic world portal)",
        "page on Azerbaijan and the Islamic world",
    ),
    "lib.aliyev-heritage.org/print.php?lang=en&page=4400500": (
        "Heydar Aliyev Heritage library",
        None,
    ),
    "chile-opens-embassy-in-azerbaijan": (
        "Ministry of Foreign Affairs of Chile",
        "Chile opens embassy in Azerbaijan",
    ),
    "Relaciones_Azerbaiy": ("Spanish Wikipedia", "Relaciones Azerbaiyán-Colombia"),
    "azernews.az/nation/221875": ("AzerNews", None),
    "strong-potential-mutual-cooperation": (
        "Diplomacy&Commerce (Croatia)",
        "Strong potential for mutual cooperation",
    ),
    "Azerbaijan\u2013Uruguay_relations": ("English Wikipedia", SLUG),
    "bosnia-and-herzegovina-thanks-azerbaijan": (
        "Report.az",
        "Bosnia and Herzegovina thanks Azerbaijan for assistance",
    ),
    "Azerbaijan\u2013North_Macedonia_relations": ("IPFS copy of English Wikipedia", SLUG),
    "level-of-bilateral-relations-between-azerbaijan-and-uzbekistan": (
        "The Gulf Observer",
        "Level of bilateral relations between Azerbaijan and Uzbekistan",
    ),
    "liquisearch.com": (
        "LiquiSearch (copy of English Wikipedia)",
        "Foreign relations of Lithuania: Asia",
    ),
    "azernews.az/business/149981": ("AzerNews", None),
    "peru-temporarily-closes-its-embassy": (
        "News.az",
        "Peru temporarily closes its embassy in Baku",
    ),
    "azernews.az/nation/188747": ("AzerNews", None),
    "en.trend.az/azerbaijan/politics/3635615": ("Trend", None),
    "Azerbaijan\u2013Tunisia_relations": (
        "Internet-in-a-Box (Kiwix copy of English Wikipedia, 2023-10)",
        SLUG,
    ),
    # Japan
    "jp.ambafrance.org": ("Embassy of France in Japan", None),
    "Treaty_of_Peace,_Amity_and_Commerce_between_Portugal_and_Japan": (
        "English Wikipedia",
        "Treaty of Peace, Amity and Commerce between Portugal and Japan (1860)",
    ),
    "co.jpf.go.jp/jp/160-jahre": (
        "Japan Foundation Cologne (160 years of Japan-Germany relations)",
        "On Japanese-German relations (Japanese)",
    ),
    "日本とスイスの関係": ("Japanese Wikipedia", None),
    "belgiumjapan150.jp": ("Belgium-Japan 150 (anniversary site)", "home page"),
    "it.emb-japan.go.jp/150/": (
        "Embassy of Japan in Italy (150th anniversary site)",
        "Curiosities",
    ),
    "dk.emb-japan.go.jp": ("Embassy of Japan in Denmark (Japanese)", None),
    "日本とスウェーデンの関係": ("Japanese Wikipedia", None),
    "mofa.go.jp/mofaj/annai/page5_000235": ("MOFA Japan (Japanese)", None),
    "japanesewiki.com": (
        "Japanese Wiki Corpus",
        "Treaty of Friendship, Commerce and Navigation between Japan and Austria-Hungary (1869)",
    ),
    "hungary-japan-diplomatic-stamp": ("Hungary Today", "Hungary-Japan diplomatic stamp"),
    "peruinjapan.org": ("peruinjapan.org", "150 years of diplomatic relations"),
    "mofa.go.jp/mofaj/area/thailand/jpth120": (
        "MOFA Japan (Japanese)",
        "Japan-Thailand 120th anniversary: history",
    ),
    "kasumigasekikai.or.jp": ("Kasumigaseki-kai (Japanese)", None),
    "mofa.go.jp/mofaj/ms/da/page25_000149": ("MOFA Japan (Japanese)", None),
    "gov-base.info/2022/11/08": ("gov-base.info (Japanese)", None),
    "jommdms.jica.go.jp": ("JICA (Japanese)", None),
    "gr.emb-japan.go.jp": (
        "Embassy of Japan in Greece (Japanese)",
        "History of Japan-Greece friendship",
    ),
    "mofa.go.jp/region/europe/norway/data": ("MOFA Japan", "Japan-Norway relations (basic data)"),
    "japon.embajada.gov.co": ("Embassy of Colombia in Japan (Japanese page)", "Political affairs"),
    "gov-base.info/2024/04/14": ("gov-base.info (Japanese)", None),
    "tejemosecuadorjapon": ("Tejemos Ecuador Japón", "100 años de amistad"),
    "mofa.go.jp/mofaj/erp/c_see/pl/": ("MOFA Japan (Japanese)", None),
    "japanfinland100.jp": (
        "Japan-Finland 100 (anniversary site)",
        "Celebrations to culminate on 24 May",
    ),
    "embapar.jp": ("Embassy of Paraguay in Japan", "Diplomatic relations"),
    "ro.emb-japan.go.jp": (
        "Embassy of Japan in Romania (Japanese)",
        "Centenary of Japan-Romania relations",
    ),
    "日本とウルグアイの関係": ("wiki.x.io (copy of Japanese Wikipedia)", None),
    "外交関係樹立後": ("Weblio (Japanese; Wikipedia text)", None),
    "trt.global": ("TRT Global", None),
    "tokyo.mae.lu": ("Embassy of Luxembourg in Japan", None),
    "message-from-consul-general-of-japan-takako-ito": (
        "docslib.org",
        "Message from Consul General of Japan Takako Ito, August 2018",
    ),
    "Cuba\u2013Japan_relations": ("English Wikipedia", SLUG),
    "et.emb-japan.go.jp": ("Embassy of Japan in Ethiopia", None),
    "日本とアフガニスタンの関係": ("Japanese Wikipedia", None),
    "koryu_2005/koryunen": ("MOFA Japan (Japanese)", "Japan-Central America Exchange Year 2005"),
    "bg.emb-japan.go.jp": ("Embassy of Japan in Bulgaria (Japanese)", "Bulgaria-Japan relations"),
    "mofa.go.jp/mofaj/gaiko/treaty/htmls/A-S38(1)-096": (
        "MOFA Japan treaty database (Japanese)",
        "Record A-S38(1)-096 (Japan-India)",
    ),
    "日本とスリランカの関係": ("Japanese Wikipedia", None),
    "mofa.go.jp/mofaj/press/release/24/4/0424_03": (
        "MOFA Japan (Japanese)",
        "Press release of 24 April 2012 (Japan-New Zealand)",
    ),
    "pakistanembassytokyo.com": (
        "Embassy of Pakistan in Japan (Japanese)",
        "Chronology of exchanges",
    ),
    "Israel\u2013Japan_relations": ("Wikiwand (English Wikipedia)", SLUG),
    "visit-minato-city.tokyo": ("Visit Minato City, Tokyo (Japanese)", None),
    "ishtar-diplomatic-series": (
        "Ishtar Analytics",
        "Ishtar diplomatic series: a spotlight on Jordan-Japan relations",
    ),
    "ksa.emb-japan.go.jp": (
        "Embassy of Japan in Saudi Arabia (Japanese)",
        "60 years of Japan-Saudi Arabia relations",
    ),
    "日本とラオスの関係": ("Weblio (Japanese; Wikipedia text)", None),
    "morocco-emba.jp": ("Embassy of Morocco in Japan", "Morocco-Japan relations"),
    "mofa.go.jp/region/africa/tunisia/data": ("MOFA Japan", "Japan-Tunisia relations (basic data)"),
    "50-years-of-philippine-japan": ("IFACCA", "50 years of Philippine-Japan relations"),
    "nepalembassy.gov.np": ("Embassy of Nepal in Japan (Japanese)", "Nepal-Japan relations"),
    "Iceland\u2013Japan_relations": ("English Wikipedia", SLUG),
    "ie.emb-japan.go.jp": ("Embassy of Japan in Ireland", None),
    "Japan-Ghana-Relations-Review": ("GhanaWeb", "Japan-Ghana relations review"),
    "Japan\u2013Nigeria_relations": ("English Wikipedia", SLUG),
    "Japenese-Amb-Congratulates-Kuwait": (
        "MENAFN",
        "Japanese ambassador congratulates Kuwait on national celebrations",
    ),
    "kenyarep-jp.com": ("Embassy of Kenya in Japan", "History of relations"),
    "jamaica-gleaner.com": (
        "Jamaica Gleaner",
        "Japan's early foray into opening borders makes stop in Jamaica",
    ),
    "geopolitics.reva.edu.in": (
        "REVA University, Centre for Geopolitics",
        "Sixty years of Japan and South Korea normalisation of relations",
    ),
    "asiax.biz": ("AsiaX (Japanese)", None),
    "maldiveshighcom.in": (
        "High Commission of the Maldives in India",
        "Maldives ambassador to Japan Ibrahim Uvais presents his credentials to Emperor Akihito",
    ),
    "Japan\u2013Tonga_relations": ("English Wikipedia", SLUG),
    "Foreign_relations_of_Fiji": (
        "WikiMili (copy of English Wikipedia)",
        "Foreign relations of Fiji",
    ),
    "archives.go.jp": (
        "National Archives of Japan",
        "Japan-Mongolia 50th anniversary exhibition, chapter 5",
    ),
    "qatarfriendshipfund.org": ("Qatar Friendship Fund (Japanese)", "Bilateral relations"),
    "bdembjp.mofa.gov.bd": ("Embassy of Bangladesh in Japan (Japanese)", None),
    "arabnews.jp": ("Arab News Japan", None),
    "japan-oman.fm.gov.om": ("Embassy of Oman in Japan", "Modern relations"),
    "Japan\u2013China_Joint_Communiqu": ("English Wikipedia", SLUG),
    "Foreign_relations_of_Samoa": (
        "WikiMili (copy of English Wikipedia)",
        "Foreign relations of Samoa",
    ),
    "worldjpn.net": ("The World and Japan database", "Japan-Vietnam document of 21 September 1973"),
    "mofa.go.jp/region/asia-paci/png/data": (
        "MOFA Japan",
        "Japan-Papua New Guinea relations (basic data)",
    ),
    "Foreign_relations_of_Japan": (
        "Kampuspedia (copy of English Wikipedia)",
        "Foreign relations of Japan",
    ),
    "mofa.go.jp/region/asia-paci/solomon/data": (
        "MOFA Japan",
        "Japan-Solomon Islands relations (basic data)",
    ),
    "mofa.go.jp/a_o/ocn/vu/": ("MOFA Japan", None),
    "Brunei\u2013Japan_relations": ("jablog.org (Japanese copy of Wikipedia)", SLUG),
    "mofa.go.jp/s_sa/sw/bt/": ("MOFA Japan", None),
    "perceptioes.com": ("perceptioes.com (copy of Russian Wikipedia)", None),
    "ritoja.lt": ("ritoja.lt (Lithuanian)", None),
    "vestnesis.lv": ("Latvijas Vestnesis", None),
    "nekdanji-pv.gov.si": ("Government of Slovenia (archived site)", None),
    "by.emb-japan.go.jp": ("Embassy of Japan in Belarus (Russian)", None),
    "キルギスと日本の関係": ("wiki.x.io (copy of Japanese Wikipedia)", None),
    "jpemb.kz": ("Embassy of Japan in Kazakhstan", "Relations overview"),
    "ua.emb-japan.go.jp": ("Embassy of Japan in Ukraine (Japanese)", None),
    "uzbekistan.jp": ("Embassy of Uzbekistan in Japan", None),
    "mfa.tj/ja/tokyo": ("Embassy of Tajikistan in Japan (Japanese)", "Bilateral relations"),
    "mfa.gov.md": ("Ministry of Foreign Affairs of Moldova", "Bilateral cooperation: Japan"),
    "mofa.go.jp/mofaj/press/release/24/4/0424_02": (
        "MOFA Japan (Japanese)",
        "Press release of 24 April 2012 (Japan-Turkmenistan)",
    ),
    "Georgia\u2013Japan_relations": ("WikiMili (copy of English Wikipedia)", SLUG),
    "Armenia\u2013Japan_relations": ("WikiMili (copy of English Wikipedia)", SLUG),
    "faraway--yet-close-friends": ("paperzz.com", "Faraway, yet close friends"),
    "kotoba.ne.jp": ("kotoba.ne.jp (Japanese; Wikipedia text)", None),
    "bosnia.emb-japan.go.jp": (
        "Embassy of Japan in Bosnia and Herzegovina (Japanese)",
        "Bilateral relations",
    ),
    "wpedia.goo.ne.jp": ("goo Wikipedia (copy of Japanese Wikipedia)", None),
    "Japan\u2013Montenegro_relations": ("wiki-gateway (copy of English Wikipedia)", SLUG),
    "mofa.go.jp/announce/announce/2009/2/": (
        "MOFA Japan",
        "Announcement of February 2009 (Japan-Kosovo)",
    ),
}


@dataclass(frozen=True)
class DisputedPair:
    """The README's table: another source's date for a pair's relations."""

    date: str
    note: str
    source: str  # who gives it, named as the README does; no URL is known


DR_DISPUTED: dict[tuple[str, str], DisputedPair] = {
    ("AZ", "BE"): DisputedPair(
        "1992-06-17",
        "The Belgian ambassador gives 17 June 1992; the Belgian foreign ministry gives the "
        "event's date.",
        "Belgian ambassador",
    ),
    ("AZ", "RO"): DisputedPair(
        "1992-06-19",
        "An encyclopedia gives 19 June 1992; the Romanian foreign ministry gives the event's date.",
        "Encyclopedia (not named in the source data)",
    ),
    ("AZ", "MD"): DisputedPair(
        "1992-05-29",
        "Another source, not named in the source data, gives 29 May 1992.",
        "Source not named in the source data",
    ),
    ("AZ", "AR"): DisputedPair(
        "1993-11",
        "Azernews gives November 1993. Neither this nor the event's date (from an "
        "encyclopedia) comes from an official source.",
        "Azernews",
    ),
    ("AZ", "CO"): DisputedPair(
        "1994-09",
        "Another source, not named in the source data, gives September 1994.",
        "Source not named in the source data",
    ),
    ("AZ", "SD"): DisputedPair(
        "1993-02-16",
        "AZERTAC gives 16 February 1993; the Sudanese embassy gives the event's date.",
        "AZERTAC",
    ),
    ("JP", "MD"): DisputedPair(
        "1992-03-26",
        "The Japanese ambassador gives 26 March 1992; the Moldovan foreign ministry gives the "
        "event's date.",
        "Japanese ambassador",
    ),
    ("JP", "NP"): DisputedPair(
        "1956-09-28",
        "An encyclopedia gives 28 September 1956; the Nepalese embassy gives the event's date.",
        "Encyclopedia (not named in the source data)",
    ),
    ("JP", "KW"): DisputedPair(
        "1962-12",
        "The Kuwaiti embassy gives December 1962; the event's date (1961) is the Japanese "
        "side's. Both are official sources.",
        "Kuwaiti embassy",
    ),
    ("JP", "MV"): DisputedPair(
        "1967-11-15",
        "The Maldives embassy page gives 15 November 1967.",
        "Maldives embassy page",
    ),
    ("JP", "EC"): DisputedPair(
        "1918-10-18",
        "El Telégrafo gives 18 October 1918.",
        "El Telégrafo",
    ),
    ("JP", "AF"): DisputedPair(
        "1931",
        "An encyclopedia gives 1931.",
        "Encyclopedia (not named in the source data)",
    ),
    ("JP", "JM"): DisputedPair(
        "1964-03-16",
        "An encyclopedia gives 16 March 1964.",
        "Encyclopedia (not named in the source data)",
    ),
    ("JP", "SB"): DisputedPair(
        "1978-09-01",
        "An encyclopedia list gives 1 September 1978; the event's source (MOFA Japan) gives "
        "the month only.",
        "Encyclopedia list (not named in the source data)",
    ),
}

# README conventions, as notes. Only pairs known to fit are listed (leave a pair out rather
# than guess).
# Which of Japan's pre-1945 partners broke relations in the Second World War is not in the
# source data, so the note states the convention without naming the country's case.
PRE_1945_NOTE = (
    "A pre-1945 date: where relations were broken in the Second World War and later "
    "restored, the source data gives the original date, from which both sides count their "
    "anniversaries."
)
BALTIC_RESTORED: frozenset[str] = frozenset({"EE", "LT", "LV"})
BALTIC_NOTE = (
    "For the Baltic states the source data uses the date relations were restored in 1991, "
    "not that of the relations of the interwar republics."
)
CODE_NOTES: dict[str, str] = {
    "XK": "XK (Kosovo) is a user-assigned code, not an official ISO 3166-1 code.",
}

# --------------------------------------------------------------------------- reading


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def split(text: str, sep: str) -> list[str]:
    return [part.strip() for part in text.split(sep)] if text.strip() else []


def row_sources(row: dict[str, str]) -> list[dict[str, str]]:
    urls = split(row["source_urls"], ";")
    titles = split(row["source_titles"], " | ")
    if len(urls) != len(titles):
        raise SystemExit(f"{row['date']} {row['title']}: {len(urls)} URLs, {len(titles)} titles")
    return [{"title": t, "url": u} for t, u in zip(titles, urls, strict=True)]


def add_sources(sources: list[dict[str, str]], more: Iterable[dict[str, str]]) -> None:
    """Append the sources not there yet (same URL, or same title when there is no URL)."""
    for source in more:
        key = source.get("url") or source["title"]
        if all((s.get("url") or s["title"]) != key for s in sources):
            sources.append(dict(source))


def seed_letter_text(path: Path) -> str:
    """The four paragraphs of the letter in the seed, verbatim, joined by blank lines."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8"))]
    start = paragraphs.index(SEED_LETTER_HEADING) + 1
    letter = paragraphs[start : start + SEED_LETTER_PARAGRAPHS]
    if not (letter[0].startswith(SEED_LETTER_FIRST) and letter[-1].endswith(SEED_LETTER_LAST)):
        raise SystemExit(f"{path}: the letter is not where it was expected")
    return "\n\n".join(letter)


# --------------------------------------------------------------------------- building


def az_jp_events(shared: Path, titles: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Events from az-jp-events.csv, by id, with their disputed claims merged in."""
    rows = read_csv(shared / EVENTS_CSV)
    keys = [(r["date"], r["title"]) for r in rows]
    if len(set(keys)) != len(keys):
        raise SystemExit(f"{EVENTS_CSV}: (date, title) is not unique")
    unknown = set(keys) - AZ_JP.keys() - AZ_JP_CLAIMS.keys()
    stale = (AZ_JP.keys() | AZ_JP_CLAIMS.keys()) - set(keys)
    both = AZ_JP.keys() & AZ_JP_CLAIMS.keys()
    if unknown or stale or both:
        raise SystemExit(f"uncurated rows {unknown}, stale entries {stale}, doubled {both}")

    def abbreviated(abbr: str) -> dict[str, str]:
        url = ABBREVIATIONS[abbr]
        return {"title": titles[url], "url": url}

    events: dict[str, dict[str, Any]] = {}
    for row in rows:
        curation = AZ_JP.get((row["date"], row["title"]))
        if curation is None:
            continue
        sources = row_sources(row)
        add_sources(sources, (abbreviated(a) for a in curation.agreeing))
        add_sources(sources, EXTRA_SOURCES.get(curation.id, ()))
        event: dict[str, Any] = {
            "id": curation.id,
            "date": curation.date or row["date"],
            "end_date": curation.end_date,
            "parties": split(row["parties"], ";"),
            "by": curation.by,
            "kind": row["kind"],
            "title": curation.title or row["title"],
            "summary": curation.summary or row["summary"],
            "place": curation.place,
            "note": curation.note,
            "sources": sources,
            "disputed": [
                {
                    "date": claim.date,
                    "end_date": claim.end_date,
                    "note": claim.note,
                    "sources": [abbreviated(a) for a in claim.sources],
                }
                for claim in EXTRA_CLAIMS.get(curation.id, ())
            ],
        }
        if curation.id in LETTERS:
            event["letter"] = dict(LETTERS[curation.id])
        if curation.id in events:
            raise SystemExit(f"duplicate id {curation.id}")
        events[curation.id] = event

    for row in rows:
        claim = AZ_JP_CLAIMS.get((row["date"], row["title"]))
        if claim is not None:
            event_id, note = claim
            claim_sources = row_sources(row)
            events[event_id]["disputed"].append(
                {"date": row["date"], "note": note, "sources": claim_sources}
            )

    events[LETTER_WITH_SEED_TEXT]["letter"]["text"] = seed_letter_text(shared / LETTER_SEED)
    for event_id in (*EXTRA_CLAIMS, *EXTRA_SOURCES, *LETTERS):
        if event_id not in events:
            raise SystemExit(f"table entry for unknown event {event_id}")
    return events


def dr_source_title(url: str, a: str, b: str) -> tuple[str, str]:
    """The title of a source of diplomatic-relations.csv, and the DR_SOURCE_TITLES key used."""
    plain = unquote(url)
    keys = [key for key in DR_SOURCE_TITLES if key in plain]
    if len(keys) != 1:
        raise SystemExit(f"{a}-{b}: {len(keys)} DR_SOURCE_TITLES keys match {url}: {keys}")
    site, subject = DR_SOURCE_TITLES[keys[0]]
    if subject == SLUG:
        slug = urlsplit(plain).path.rstrip("/").rsplit("/", 1)[-1]
        subject = slug.removesuffix(".html").replace("_", " ")
    elif subject is None:
        subject = f"page on {name(a)}{DASH}{name(b)} relations"
    return f"{site}: {subject}", keys[0]


def relations_events(shared: Path, titles: dict[str, str]) -> Iterator[dict[str, Any]]:
    """One diplomatic-relations event per row of diplomatic-relations.csv."""
    used: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for row in read_csv(shared / RELATIONS_CSV):
        a, b, url = row["country_a"], row["country_b"], row["source_url"]
        pairs.add((a, b))
        if url in titles:
            title = titles[url]
        else:
            title, key = dr_source_title(url, a, b)
            used.add(key)
        notes = []
        if a == "JP" and int(row["date"][:4]) < 1945:
            notes.append(PRE_1945_NOTE)
        if a == "JP" and b in BALTIC_RESTORED:
            notes.append(BALTIC_NOTE)
        notes.extend(CODE_NOTES[c] for c in (a, b) if c in CODE_NOTES)
        disputed = []
        if (a, b) in DR_DISPUTED:
            other = DR_DISPUTED[a, b]
            disputed.append(
                {"date": other.date, "note": other.note, "sources": [{"title": other.source}]}
            )
        yield {
            "id": f"{a.lower()}-{b.lower()}-diplomatic-relations",
            "date": row["date"],
            "parties": [a, b],
            "kind": "diplomatic-relations",
            "title": "Diplomatic relations established",
            "note": " ".join(notes) or None,
            "sources": [{"title": title, "url": url}],
            "disputed": disputed,
        }
    if DR_SOURCE_TITLES.keys() - used:
        raise SystemExit(f"unused DR_SOURCE_TITLES keys: {DR_SOURCE_TITLES.keys() - used}")
    if not DR_DISPUTED.keys() <= pairs:
        raise SystemExit(f"DR_DISPUTED pairs not in the CSV: {DR_DISPUTED.keys() - pairs}")


def merge(events: dict[str, dict[str, Any]], relations: Iterable[dict[str, Any]]) -> None:
    """Add the relations events; a pair already in ``events`` (AZ-JP) only adds its sources."""
    for event in relations:
        known = events.get(event["id"])
        if known is None:
            events[event["id"]] = event
            continue
        if (known["date"], known["kind"]) != (event["date"], event["kind"]):
            raise SystemExit(f"{event['id']}: the two CSVs disagree")
        add_sources(known["sources"], event["sources"])
        known["disputed"].extend(event["disputed"])


def clean(value: Any) -> Any:
    """Drop absent optional fields (None, empty strings and empty lists)."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if v not in (None, "", [])}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def sort_key(event: dict[str, Any]) -> tuple[int, int, int, str]:
    """Date order, an unknown month or day after the known ones of its period; then id."""
    year, month, day = [*event["date"].split("-"), "", ""][:3]
    return (int(year), int(month or 13), int(day or 32), event["id"])


def build(shared: Path) -> dict[str, Any]:
    titles: dict[str, str] = {}
    for row in read_csv(shared / EVENTS_CSV):
        for source in row_sources(row):
            titles.setdefault(source["url"], source["title"])
    events = az_jp_events(shared, titles)
    merge(events, relations_events(shared, titles))
    ordered = sorted((clean(e) for e in events.values()), key=sort_key)
    return {"$schema": "./events.schema.json", "version": 1, "events": ordered}


# --------------------------------------------------------------------------- checking

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
KINDS = frozenset(
    {
        "recognition", "diplomatic-relations", "embassy-opened", "consulate-opened",
        "agreement", "visit", "meeting", "letter", "anniversary-event", "relations-severed",
        "relations-restored", "other",
    }
)  # fmt: skip
EVENT_KEYS = frozenset(
    {
        "id", "date", "end_date", "parties", "by", "kind", "title", "summary", "place", "note",
        "sources", "disputed", "letter",
    }
)  # fmt: skip
REQUIRED_KEYS = frozenset({"id", "date", "parties", "kind", "title", "sources"})
SOURCE_KEYS = frozenset({"title", "url", "accessed", "archive_url"})
CLAIM_KEYS = frozenset({"date", "end_date", "note", "sources"})
LETTER_KEYS = frozenset({"author", "recipient", "language", "text"})


def date_range(text: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """First and last day a date may be; SystemExit when it is not a real date."""
    m = DATE_RE.match(text)
    if m is None:
        raise SystemExit(f"not an ISO date: {text!r}")
    year = int(m[1])
    month = int(m[2]) if m[2] else None
    day = int(m[3]) if m[3] else None
    if month is not None and not 1 <= month <= 12:
        raise SystemExit(f"no such month: {text}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
        raise SystemExit(f"no such day: {text}")
    first = (year, month or 1, day or 1)
    last_month = month or 12
    return first, (year, last_month, day or calendar.monthrange(year, last_month)[1])


def check_sources(where: str, sources: Any) -> None:
    if not isinstance(sources, list) or not sources:
        raise SystemExit(f"{where}: needs at least one source")
    for s in sources:
        if set(s) - SOURCE_KEYS or not s.get("title"):
            raise SystemExit(f"{where}: bad source {s}")
        if "url" in s and not s["url"].startswith(("http://", "https://")):
            raise SystemExit(f"{where}: bad url {s['url']}")


def check(store: dict[str, Any]) -> None:
    """The rules of the store format; SystemExit naming the event on the first break."""
    seen: set[str] = set()
    events = store["events"]
    if events != sorted(events, key=sort_key):
        raise SystemExit("events are not in order")
    for event in events:
        where = event.get("id", "?")
        if set(event) - EVENT_KEYS or not set(event) >= REQUIRED_KEYS:
            raise SystemExit(f"{where}: keys {sorted(event)}")
        if not ID_RE.match(event["id"]) or event["id"] in seen:
            raise SystemExit(f"{where}: bad or duplicate id")
        seen.add(event["id"])
        first, _ = date_range(event["date"])
        if "end_date" in event and date_range(event["end_date"])[1] < first:
            raise SystemExit(f"{where}: end_date before date")
        parties = event["parties"]
        if len(parties) < 2 or len(set(parties)) != len(parties):
            raise SystemExit(f"{where}: parties {parties}")
        for code in parties:
            if not re.fullmatch(r"[A-Z]{2}", code) or not is_known(code):
                raise SystemExit(f"{where}: country code {code}")
        if "by" in event and event["by"] not in parties:
            raise SystemExit(f"{where}: by {event['by']} not among the parties")
        if event["kind"] not in KINDS:
            raise SystemExit(f"{where}: kind {event['kind']}")
        if (event["kind"] == "letter") != ("letter" in event):
            raise SystemExit(f"{where}: letter object on the wrong kind")
        if "letter" in event:
            letter = event["letter"]
            if set(letter) - LETTER_KEYS or not (letter.get("author") and letter.get("recipient")):
                raise SystemExit(f"{where}: letter {sorted(letter)}")
        check_sources(where, event["sources"])
        for claim in event.get("disputed", ()):
            if set(claim) - CLAIM_KEYS or not claim.get("note"):
                raise SystemExit(f"{where}: claim {claim}")
            if "date" not in claim and "end_date" not in claim:
                raise SystemExit(f"{where}: a claim needs a date or an end_date")
            for key in ("date", "end_date"):
                if key in claim:
                    date_range(claim[key])
            check_sources(where, claim["sources"])


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "shared",
        nargs="?",
        type=Path,
        default=DEFAULT_SHARED,
        help=f"the shared data folder (default: {DEFAULT_SHARED})",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help=f"where to write the store (default: {DEFAULT_OUTPUT})",
    )
    args = parser.parse_args(argv)
    store = build(args.shared)
    check(store)
    text = json.dumps(store, ensure_ascii=False, indent=2) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {len(store['events'])} events", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
