"""Polite HTTP fetching (standard library only): a User-Agent naming watchfloor, robots.txt, a per-host delay,
conditional GET, timeouts, retries with backoff on transient failures, a size limit and bounded redirects."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from watchfloor import __version__
from watchfloor.errors import WatchfloorError

USER_AGENT = f"watchfloor/{__version__} (news monitor; +https://github.com/watchfloor/watchfloor)"
# Seconds between two requests to one host: a feed and its articles usually share one.
DEFAULT_DELAY = 1.0
DEFAULT_TIMEOUT = 20.0
DEFAULT_RETRIES = 2  # after the first attempt: three tries in all
DEFAULT_BACKOFF = 2.0  # seconds before the first retry, doubled before each next one
# A news page with its markup is well under 5 MB; 10 MB leaves room and stops a runaway download early.
DEFAULT_MAX_BYTES = 10_000_000
CHUNK = 65_536
TRANSIENT = {429, 500, 502, 503, 504}


class FetchError(WatchfloorError):
    """A URL could not be fetched; ``reason`` says why (stored as the source's error)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Response:
    """What a fetch gave: status 200 with the body, or 304 (not modified) with none."""

    url: str
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


@dataclass
class Fetcher:
    """Fetches URLs politely; keeps each host's robots.txt and last request time."""

    delay: float = DEFAULT_DELAY
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    backoff: float = DEFAULT_BACKOFF
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = USER_AGENT
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditionally when validators are given); raises FetchError with the reason."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "not an http(s) URL")
        if not self.allowed(url):
            raise FetchError(url, "disallowed by robots.txt")
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.retries + 1):
            try:
                return self._get(url, headers)
            except _Transient as error:
                if attempt == self.retries:
                    raise FetchError(url, f"{error.reason} (after {attempt + 1} attempts)") from None
                time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets watchfloor fetch ``url`` (no robots.txt, or an unreachable one, allows)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            parser = urllib.robotparser.RobotFileParser()
            try:
                response = self._get(host + "/robots.txt", {"User-Agent": self.user_agent})
                parser.parse(response.body.decode("utf-8", "replace").splitlines())
            except FetchError as error:
                # as RFC 9309 asks: "unauthorized" means keep out, any other 4xx means no rules
                keep_out = error.reason.startswith(("HTTP 401", "HTTP 403"))
                parser.parse(["User-agent: *", "Disallow: /"] if keep_out else [])
            except _Transient:
                parser.parse([])  # unreachable robots.txt: no rules known
            self._robots[host] = parser
        return self._robots[host].can_fetch(self.user_agent, url)

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        self._wait_for(urlsplit(url).netloc)
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                body = self._read(url, answer)
                info = answer.headers
                return Response(
                    answer.geturl(),
                    answer.status,
                    body,
                    info.get("ETag"),
                    info.get("Last-Modified"),
                    info.get("Content-Type", ""),
                )
        except urllib.error.HTTPError as error:
            if error.code == 304:
                return Response(url, 304, b"", error.headers.get("ETag"), error.headers.get("Last-Modified"))
            if error.code in TRANSIENT:
                raise _Transient(f"HTTP {error.code} {error.reason}") from None
            if 300 <= error.code < 400:
                raise FetchError(url, f"HTTP {error.code}: too many redirects or a redirect loop") from None
            raise FetchError(url, f"HTTP {error.code} {error.reason}") from None
        except TimeoutError:
            raise _Transient(f"timed out after {self.timeout:g} s") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise _Transient(f"timed out after {self.timeout:g} s") from None
            raise _Transient(f"cannot connect: {error.reason}") from None
        except (ConnectionError, OSError) as error:
            raise _Transient(f"connection failed: {error}") from None

    def _read(self, url: str, answer: Any) -> bytes:
        length = answer.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(url, f"too large: {int(length) / 1e6:.1f} MB (limit {self.max_bytes / 1e6:g} MB)")
        chunks: list[bytes] = []
        size = 0
        while chunk := answer.read(CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(url, f"too large: more than {self.max_bytes / 1e6:g} MB")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for(self, host: str) -> None:
        """Sleep until ``delay`` seconds have passed since the last request to this host."""
        wait = self._last.get(host, 0.0) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()


class _Transient(Exception):
    """A failure worth retrying: a timeout, a refused connection, a 5xx or a 429."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
