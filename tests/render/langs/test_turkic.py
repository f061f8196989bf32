"""The Turkic suffixes (bilat.render.langs._turkic): vowel harmony, buffers, the
Azerbaijani q -> ğ of its own words, Turkish compound names and names spoken unlike their
spelling."""

from __future__ import annotations

import pytest

from bilat.render.langs._turkic import accusative, genitive


@pytest.mark.parametrize(
    ("word", "language", "of", "object_"),
    [("Birləşmiş Krallıq", "az", "Birləşmiş Krallığın", "Birləşmiş Krallığı"),
     ("İraq", "az", "İraqın", "İraqı"), ("Lüksemburq", "az", "Lüksemburqun", "Lüksemburqu"),
     ("Amerika Birləşmiş Ştatları", "az", "Amerika Birləşmiş Ştatlarının",
      "Amerika Birləşmiş Ştatlarını"),
     ("Amerika Birleşik Devletleri", "tr", "Amerika Birleşik Devletleri'nin",
      "Amerika Birleşik Devletleri'ni"),
     ("Sovyetler Birliği", "tr", "Sovyetler Birliği'nin", "Sovyetler Birliği'ni"),
     ("Güney Kore", "tr", "Güney Kore'nin", "Güney Kore'yi"),
     ("Birleşik Krallık", "tr", "Birleşik Krallık'ın", "Birleşik Krallık'ı"),
     ("Côte d’Ivoire", "tr", "Côte d’Ivoire'ın", "Côte d’Ivoire'ı"),
     ("Jersey", "tr", "Jersey'nin", "Jersey'yi")],
)  # fmt: skip
def test_cases(word: str, language: str, of: str, object_: str) -> None:
    assert genitive(word, language) == of
    assert accusative(word, language) == object_
