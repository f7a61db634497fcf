"""Tell English articles from others, cheaply, so non-English text is skipped with a reason."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# An English news text has 35-50% English function words; German, French or Spanish text has 25-45% of its
# own. A text is refused when its foreign function words reach 10% and outnumber the English ones: short
# English lists ("RHP John Gant (0.5 WAR), ...") have few function words of either kind and pass.
MIN_FOREIGN_SHARE = 0.10
# Below this many words the share is noise: a headline or a caption is let through.
MIN_WORDS = 12
# Share of letters outside the Latin script above which a text is not English (Cyrillic, Arabic, Hangul...).
MAX_NON_LATIN_SHARE = 0.3
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=2)
def _words(filename: str) -> frozenset[str]:
    text = resources.files("watchfloor.data").joinpath(filename).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def english_verdict(text: str) -> str | None:
    """None when the text reads as English, else the reason it does not."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if letters:
        non_latin = sum(1 for c in letters if ord(c) > 0x024F) / len(letters)
        if non_latin > MAX_NON_LATIN_SHARE:
            return f"not English: {non_latin:.0%} of letters are outside the Latin script"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    english = sum(1 for w in words if w in _words("english_stopwords.txt")) / len(words)
    foreign = sum(1 for w in words if w in _words("foreign_function_words.txt")) / len(words)
    if foreign >= MIN_FOREIGN_SHARE and foreign > english:
        return f"not English: {foreign:.0%} of words are function words of another language, {english:.0%} English ones"
    return None
