"""The dashboard in a real browser (Debian's chromium through Playwright) on a real uvicorn server over the
samples ledger plus one hostile article: pages reached through the nav, charts and the map drawn, span links
landing on their highlighted quote, and markup in article text staying text."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")  # never fetch a browser build: use Debian's

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
HOSTILE = (
    "North Korea fired 3 missiles near Pyongyang on Monday, officials said. "
    '<script>alert(1)</script> and <img src=x onerror="alert(1)"> and " onerror="alert(1) '
    "closed the report.</mark><b>bold</b>"
)

pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is absent: apt-get install -y chromium (.ci/run does)"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, nlp) -> Iterator[str]:
    """A uvicorn server on a free loopback port over a ledger of the samples and the hostile article."""
    import uvicorn

    from watchfloor.config import Settings
    from watchfloor.pipeline import ingest_items
    from watchfloor.read import read_paths
    from watchfloor.store.ledger import Ledger
    from watchfloor.web.app import create_app

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    record = {"text": HOSTILE, "title": '<script>alert(1)</script>" onerror="alert(1)', "published": "2024-11-04"}
    hostile.write_text(json.dumps(record) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'ledger.sqlite'}"
    settings = Settings()
    items = read_paths(
        [str(ROOT / "samples"), str(hostile)], max_bytes=settings.max_bytes, max_chars=settings.max_chars
    )
    list(ingest_items(items, settings, Ledger(url)))
    port = _free_port()
    uvicorn_server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uvicorn_server.started:
        assert time.monotonic() < deadline, "uvicorn did not start in 30 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh page that records every dialog (an alert() firing would be an XSS)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.dialogs = []
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def _shoot(page, name: str) -> None:
    """A full-page screenshot to docs/screenshots when WATCHFLOOR_SCREENSHOTS=1 (for the README)."""
    if os.environ.get("WATCHFLOOR_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)  # the viewport: small files


def test_every_page_is_reached_through_the_nav(server: str, page) -> None:
    from playwright.sync_api import expect

    page.goto(server + "/")
    expect(page.locator("h1")).to_have_text("What changed")
    assert page.locator("section.day").count() > 0
    assert page.locator("ul.figures a.span-link").count() > 0 and page.locator("ul.events a.span-link").count() > 0
    _shoot(page, "home")
    for name, heading in (("Tracks", "Tracks"), ("Map", "Map"), ("Dyads", "Dyad"), ("Search", "Search")):
        page.locator("#nav").get_by_role("link", name=name, exact=True).click()
        expect(page.locator("h1")).to_contain_text(heading)
        expect(page.locator("#nav a.current")).to_have_text(name)
    page.locator("#nav").get_by_role("link", name="Brief", exact=True).click()
    expect(page.locator(".brief h1")).to_have_text("Situation brief")
    assert page.locator(".footnotes a.span-link").count() > 0
    _shoot(page, "brief")
    assert page.dialogs == []


def test_the_track_chart_draws_each_figure(server: str, page) -> None:
    page.goto(server + "/tracks")
    page.locator("a.track-link").first.click()
    page.wait_for_url(re.compile(r"/track/"))
    chart = page.locator("svg#chart")
    figures = chart.locator(".figure")
    rows = page.locator("table.figures tr").count() - 1
    assert rows > 0 and figures.count() == rows, (figures.count(), rows)
    assert chart.locator("polyline, circle, path").count() > 0
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    _shoot(page, "track")


def test_a_span_link_scrolls_to_and_highlights_its_quote(server: str, page) -> None:
    from playwright.sync_api import expect

    page.goto(server + "/tracks")
    page.locator("a.track-link").first.click()
    link = page.locator("table.figures a.span-link").last
    quote = link.inner_text().strip("\u201c\u201d")
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(r"/article/.*#"))
    target = page.locator(f"mark[id='{anchor}']")
    expect(target).to_have_class(re.compile(r"\bhighlight\b"))
    expect(target).to_be_in_viewport()
    assert target.inner_text() == quote
    assert page.locator("mark.highlight").count() == 1
    _shoot(page, "article")
    side = page.locator("#facts a.span-link").last
    other = side.get_attribute("href").lstrip("#")
    side.click()
    expect(page.locator(f"mark[id='{other}']")).to_have_class(re.compile(r"\bhighlight\b"))
    expect(page.locator(f"mark[id='{other}']")).to_be_in_viewport()
    assert page.locator("mark.highlight").count() == 1


def test_a_brief_citation_lands_on_its_highlighted_span(server: str, page) -> None:
    from playwright.sync_api import expect

    page.goto(server + "/brief")
    citation = page.locator("a.cite").nth(2)
    start, end = citation.get_attribute("href").rsplit("#s", 1)[1].split("-")
    citation.click()
    page.wait_for_url(re.compile(r"/article/.*#s"))
    target = page.locator("mark.highlight")
    expect(target).to_have_count(1)
    expect(target).to_be_in_viewport()
    assert target.get_attribute("data-span") == f"{start}-{end}"


def test_the_map_draws_outlines_and_points(server: str, page) -> None:
    page.goto(server + "/map")
    svg = page.locator("svg#map")
    assert svg.locator("path.country").count() > 100
    points = svg.locator("circle.point")
    assert points.count() > 0 and svg.locator("circle.event").count() > 0
    radii = {float(r) for r in points.evaluate_all("nodes => nodes.map(n => n.getAttribute('r'))")}
    assert all(r > 0 for r in radii) and len(radii) > 1, radii  # cities and regions drawn at different sizes
    _shoot(page, "map")


def test_the_dyad_page_draws_the_weekly_series(server: str, page) -> None:
    page.goto(server + "/dyad")
    assert page.locator("svg#dyad-chart rect.bar").count() > 0
    assert page.locator("a.span-link").count() > 0
    _shoot(page, "dyad")


def test_markup_in_an_article_stays_text(server: str, page) -> None:
    from playwright.sync_api import expect

    page.goto(server + "/search?q=onerror")
    _shoot(page, "search")
    result = page.locator("ol.results a").first
    expect(result).to_contain_text("<script>alert(1)</script>")
    result.click()
    page.wait_for_url(re.compile(r"/article/"))
    text = page.locator("article#text")
    expect(text).to_contain_text("<script>alert(1)</script>")
    expect(text).to_contain_text('<img src=x onerror="alert(1)">')
    expect(page.locator("h1")).to_have_text('<script>alert(1)</script>" onerror="alert(1)')
    assert page.locator("article img, article b, h1 script, article script").count() == 0
    assert page.locator("script").count() == 1 and page.locator("[onerror]").count() == 0
    assert text.locator("mark.fact").count() > 0  # the facts around the markup are still highlighted
    page.goto(server + "/")
    assert page.locator("[onerror]").count() == 0 and page.locator("script").count() == 1
    assert page.dialogs == []


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/search?q=%22", 200),
        ("/search?q=-", 200),
        ("/search?q=%00%ff", 200),
        ("/search?q=" + "a" * 5000, 200),
        ("/dyad?a=%3Cscript%3E&b=x", 200),
        ("/track/no%7Csuch%7Ctrack", 404),
        ("/article/sha256:0000", 404),
    ],
)
def test_odd_requests_get_a_clear_answer(server: str, path: str, status: int) -> None:
    """Malformed queries and unknown keys: a page or a 404 naming the problem, never a server error."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(server + path, timeout=30) as response:
            code, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        code, body = error.code, error.read().decode()
    assert code == status, body[:300]
    assert "<script>" not in body.split("</nav>", 1)[-1]
    if status == 404:
        assert "no " in json.loads(body)["detail"]
