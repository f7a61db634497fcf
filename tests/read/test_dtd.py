"""Feeds that declare a DTD are refused before parsing: an entity-expansion bomb ("billion laughs") would
otherwise be expanded and stored as an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchfloor.errors import InputError
from watchfloor.read import read_paths
from watchfloor.read.feeds import has_dtd, read_feed

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>Bomb</title><item><title>x</title><description>&lol3;</description></item>
</channel></rss>"""


@pytest.mark.parametrize(
    ("data", "declared"),
    [
        (BOMB, True),
        (
            b'<?xml version="1.0"?><!doctype rss SYSTEM "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss/>',
            True,
        ),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>ok</title></channel></rss>', False),
        # a DOCTYPE written inside the content (an article about XML) is not a declaration
        (
            b'<rss version="2.0"><channel><description>&lt;!DOCTYPE&gt; <!DOCTYPE x></description></channel></rss>',
            False,
        ),
    ],
)
def test_dtd_declarations_are_found_before_the_root_element_only(data: bytes, declared: bool) -> None:
    assert has_dtd(data) is declared


def test_read_feed_refuses_a_dtd_with_a_clear_reason() -> None:
    with pytest.raises(InputError, match="declares a DTD"):
        list(read_feed(BOMB, "bomb.rss", max_chars=300_000))


def test_ingesting_a_bomb_file_is_a_skip_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "bomb.rss").write_bytes(BOMB)
    (result,) = read_paths([str(tmp_path / "bomb.rss")], max_bytes=1_000_000, max_chars=300_000)
    assert result.source.endswith("bomb.rss") and "declares a DTD" in getattr(result, "reason", "")
