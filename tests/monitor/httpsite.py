"""A real HTTP site on 127.0.0.1 (http.server in a thread) whose pages the tests change between polls, and
the article texts its feeds link to."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLES = {
    "first": "SEOUL, Nov. 4 (Yonhap) -- North Korea has sent about 10,000 troops to Russia, South Korea's National"
    " Intelligence Service said on Monday. The soldiers are training in the Far East, the agency told lawmakers.",
    "revised": "SEOUL, Nov. 20 (Yonhap) -- North Korea has deployed 12,000 troops to Russia, South Korea's National"
    " Intelligence Service said on Wednesday, raising its estimate. Many of them have moved to the Kursk region.",
    "denial": "MOSCOW, Nov. 25 -- Russia denied reports that North Korea had deployed 12,000 troops to Russia."
    " Kremlin spokesman Dmitry Peskov said on Monday the reports were false.",
    "kharkiv": "KYIV, Nov. 22 -- Russian forces attacked Kharkiv with drones overnight, Ukrainian officials said on"
    " Friday. Three people were wounded in the strike on the city, the regional governor said.",
}


def article_html(text: str, title: str = "Report") -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>{title}</h1><p>{text}</p></article><footer>(c) Test News</footer></body></html>"
    ).encode()


def rss(entries: list[dict[str, str]], title: str = "Test News") -> bytes:
    items = "".join(
        f"<item><guid>{e['id']}</guid><title>{e['title']}</title><link>{e['link']}</link>"
        f"<description>{e.get('summary', '')}</description><pubDate>{e.get('date', 'Mon, 04 Nov 2024 08:00:00 GMT')}"
        "</pubDate></item>"
        for e in entries
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>Bomb</title><item><title>x</title><description>&lol3;</description></item>
</channel></rss>"""


@dataclass
class Page:
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answered with 304 when the request's If-None-Match has it


Route = Page | Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Site:
    """The routes the server answers; ``hits`` counts requests per path, ``posts`` keeps webhook calls
    (``failing_posts`` of them are refused first)."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    posts: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    failing_posts: int = 0  # how many webhook calls to answer with a 500 before accepting them

    def url(self, path: str) -> str:
        return self.base + path


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        site = self.server.site
        site.hits[self.path] = site.hits.get(self.path, 0) + 1
        route = site.routes.get(self.path)
        if route is None:
            self._answer(Page(b"not found", 404))
        elif isinstance(route, Page):
            self._answer(route)
        else:
            route(self)

    def do_POST(self) -> None:
        site = self.server.site
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if site.failing_posts > 0:  # a receiver that is down: answers 500 and keeps nothing
            site.failing_posts -= 1
            self._answer(Page(b"down", 500))
            return
        site.posts.append((dict(self.headers), body))
        self._answer(Page(b"ok"))

    def _answer(self, page: Page) -> None:
        if page.etag and self.headers.get("If-None-Match") == page.etag:
            self.send_response(304)
            self.send_header("ETag", page.etag)
            self.end_headers()
            return
        self.send_response(page.status)
        for name, value in page.headers.items():
            self.send_header(name, value)
        if page.etag:
            self.send_header("ETag", page.etag)
        self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        self.wfile.write(page.body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    site: Site


def slow(seconds: float) -> Callable[[BaseHTTPRequestHandler], None]:
    """A route that answers only after ``seconds`` (longer than the fetcher's timeout)."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        with contextlib.suppress(OSError):  # the client gave up long ago
            handler._answer(Page(article_html(ARTICLES["kharkiv"])))  # type: ignore[attr-defined]

    return answer


def endless(handler: BaseHTTPRequestHandler) -> None:
    """A 50 MB page, streamed without a Content-Length: the fetcher must stop reading at its limit."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    chunk = b"<p>" + b"lol " * 250_000 + b"</p>"
    try:
        for _ in range(50):
            handler.wfile.write(chunk)
    except OSError:
        pass
