"""Each input format yields documents with the right text and metadata."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from watchfloor.model import Document, Skip
from watchfloor.read import read_paths
from watchfloor.read.files import sniff

ARTICLE = (
    "Russia launched 40 drones at Ukraine overnight, the air force said on Tuesday. "
    "Air defences shot down most of them over the Kyiv region, officials said."
)
LIMITS = {"max_bytes": 5_000_000, "max_chars": 100_000}


def read(*paths: Path | str, published: str | None = None) -> list[Document | Skip]:
    return list(read_paths([str(p) for p in paths], published=published, **LIMITS))


def test_plain_text_id_is_sha256_of_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE + "\r\n", encoding="utf-8")
    [document] = read(path)
    assert isinstance(document, Document)
    assert document.text == ARTICLE
    assert document.id == "sha256:" + hashlib.sha256(ARTICLE.encode()).hexdigest()


def test_same_text_same_id_whatever_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE + "\n\n", encoding="utf-8")
    first, second = read(tmp_path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == second.id


def test_html_takes_body_title_date_site_and_drops_boilerplate(tmp_path: Path) -> None:
    page = f"""<html><head><title>Drones hit Kyiv region</title>
    <meta property="og:site_name" content="Test Desk"><meta name="date" content="2025-02-04"></head>
    <body><nav>Home | World | Subscribe now</nav><article><h1>Drones hit Kyiv region</h1>
    <p>{ARTICLE}</p><p>Officials said damage was being assessed in several districts.</p></article>
    <footer>Comments (12) Share this story</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [document] = read(path)
    assert isinstance(document, Document)
    assert "Russia launched 40 drones" in document.text
    assert "Subscribe" not in document.text and "Comments" not in document.text
    assert document.title == "Drones hit Kyiv region"
    assert document.published == "2025-02-04"
    assert document.outlet == "Test Desk"


def test_feed_gives_one_document_per_entry_with_link_and_date(tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
    <item><title>One</title><link>https://example.org/1</link><pubDate>Tue, 04 Feb 2025 10:00:00 GMT</pubDate>
    <description>{ARTICLE}</description></item>
    <item><title>Two</title><link>https://example.org/2</link><pubDate>Wed, 05 Feb 2025 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;North Korea fired a missile into the sea on Wednesday, Seoul said.&lt;/p&gt;
    </description></item>
    </channel></rss>"""
    path = tmp_path / "desk.rss"
    path.write_text(feed, encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.url, first.published, first.outlet) == ("https://example.org/1", "2025-02-04", "Desk")
    assert second.text == "North Korea fired a missile into the sea on Wednesday, Seoul said."
    assert second.title == "Two"


def test_jsonl_reads_fields_and_skips_bad_lines(tmp_path: Path) -> None:
    good = {"text": ARTICLE, "title": "T", "published": "2025-02-04T09:00:00Z", "url": "u", "outlet": "o"}
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": ARTICLE + " More."}),
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read(path)
    assert [type(item).__name__ for item in items] == ["Document", "Skip", "Skip", "Document"]
    first = items[0]
    assert isinstance(first, Document)
    assert (first.title, first.published, first.url, first.outlet) == ("T", "2025-02-04", "u", "o")
    assert isinstance(items[1], Skip) and "not valid JSON" in items[1].reason
    assert isinstance(items[2], Skip) and "'text'" in items[2].reason


def test_published_option_overrides_input_dates(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": ARTICLE, "published": "2020-01-01"}), encoding="utf-8")
    [document] = read(path, published="2025-03-01")
    assert isinstance(document, Document) and document.published == "2025-03-01"


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE + " Two.", encoding="utf-8")
    (tmp_path / "1.txt").write_text(ARTICLE + " One.", encoding="utf-8")
    texts = [item.text for item in read(tmp_path) if isinstance(item, Document)]
    assert [text[-4:] for text in texts] == ["One.", "Two."]


def test_missing_path_is_a_skip() -> None:
    [item] = read("/nonexistent/watchfloor/article.txt")
    assert isinstance(item, Skip) and "no such file" in item.reason


def test_sniff_tells_formats_apart() -> None:
    assert sniff(b'<?xml version="1.0"?><rss>') == "feed"
    assert sniff(b"<feed xmlns='http://www.w3.org/2005/Atom'>") == "feed"
    assert sniff(b"<!DOCTYPE html><html>") == "html"
    assert sniff(b'{"text": "x"}\n') == "jsonl"
    assert sniff(b"KYIV - Russia said") == "text"
