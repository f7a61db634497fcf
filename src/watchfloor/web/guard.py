"""What protects the web API: the bearer token, a request size limit and a per-client rate limit on writes."""

from __future__ import annotations

import hmac
import ipaddress
import json
import os
import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request

# An article is tens of kilobytes; 5 MB holds a JSONL batch of a hundred long ones. WATCHFLOOR_MAX_REQUEST.
DEFAULT_MAX_REQUEST = 5_000_000
# Writes run spaCy (about a second an article on two cores): a burst of 10, then one every 2 s per client.
WRITE_BURST = 10
WRITE_PER_SECOND = 0.5


class ApiError(Exception):
    """An error the API answers as JSON: ``{"error": message, "valid": [...]}`` with an HTTP status."""

    def __init__(
        self, status: int, message: str, valid: list[str] | None = None, headers: dict[str, str] | None = None
    ):
        super().__init__(message)
        self.status = status
        self.message = message
        self.valid = valid
        self.headers = headers or {}


def load_token(token_file: Path) -> str:
    """WATCHFLOOR_TOKEN, else the token in ``token_file``, made (random, mode 0600) when it does not exist."""
    token = os.environ.get("WATCHFLOOR_TOKEN", "").strip()
    if token:
        return token
    token_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(token_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        token = token_file.read_text(encoding="utf-8").strip()
        if not token:
            raise ApiError(500, f"the token file {token_file} is empty; delete it to make a new one") from None
        return token
    token = secrets.token_urlsafe(32)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    return token


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the server to this machine (reads are then open without the token)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name other than localhost: it may resolve to any interface
        return False


@dataclass
class TokenBucket:
    """Per-client token buckets: ``burst`` requests at once, refilled at ``rate`` a second."""

    burst: float = WRITE_BURST
    rate: float = WRITE_PER_SECOND
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, client: str) -> float:
        """Spend one request of ``client``'s bucket: 0.0 when allowed, else the seconds until one is."""
        with self._lock:
            now = time.monotonic()
            tokens, last = self._buckets.get(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[client] = (tokens - 1, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate


@dataclass
class Guard:
    """The token, whether reads need it, and the write rate limiter of one app."""

    token: str
    reads_open: bool
    token_file: Path | None
    writes: TokenBucket = field(default_factory=TokenBucket)

    def authorized(self, request: Request) -> bool:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), self.token.encode())

    def check_read(self, request: Request) -> None:
        if not self.reads_open and not self.authorized(request):
            raise ApiError(401, "this server is bound beyond loopback: reads need 'Authorization: Bearer TOKEN'")

    def check_write(self, request: Request) -> None:
        if not self.authorized(request):
            raise ApiError(401, "writes need 'Authorization: Bearer TOKEN' (WATCHFLOOR_TOKEN or the token file)")
        wait = self.writes.take(request.client.host if request.client else "unknown")
        if wait:
            retry = str(max(1, round(wait + 0.5)))
            raise ApiError(429, f"too many writes from this client; retry in {retry} s", headers={"Retry-After": retry})


class SizeLimit:
    """ASGI middleware: a request whose Content-Length is over ``limit`` bytes gets 413 and a JSON error before
    its body is read (a chunked body is counted as it is read: ``read_body``)."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await self._refuse(send)
            return
        await self.app(scope, receive, send)

    async def _refuse(self, send: Any) -> None:
        body = json.dumps({"error": f"request body over the limit of {self.limit:,} bytes", "valid": None}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, read in chunks; ApiError 413 as soon as it passes ``limit`` bytes."""
    chunks, seen = [], 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limit:
            raise ApiError(413, f"request body over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
