"""A small closed-loop HTTP/1.1 load generator (stdlib only).

``measure(url, seconds, concurrency)`` runs ``concurrency`` clients on one asyncio event
loop for ``seconds``. Each client sends a GET, waits for the whole response, records the
latency and sends the next one straight away (closed loop: no think time, so req/s is
the throughput the server sustains with that many requests in flight).

Each client keeps one persistent HTTP/1.1 connection for as long as the server allows
it: when a response says ``Connection: close`` (or the server drops an idle connection)
the client opens a new one. Connection set-up time is part of the latency of the request
that needed it. No cookies are kept, so every request looks like a first visit (unless
the caller sends one in ``headers``: a signed-in session every request shares).

Before the clock starts, every client opens its connection with one unmeasured request
and, when the caller can tell which server process holds which connection (``owner_of``),
the connections are spread evenly over the server's worker processes (see ``measure``).

asyncio with a minimal response parser rather than threads + ``http.client``: one
thread, no GIL contention between clients, and much less client-side CPU per request,
which matters because the load generator shares the machine with the server.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.http_client import Client

__all__ = ["Result", "combine", "measure", "measure_async"]

REQUEST_TIMEOUT = 30.0  # seconds; a response slower than this counts as an error
MAX_ERROR_SAMPLES = 5


# Maps client-side local ports to the server process holding each connection.
OwnerOf = Callable[[list[int]], dict[int, int]]


@dataclass
class Result:
    """What one ``measure()`` run saw. Latencies are in milliseconds."""

    url: str
    seconds: float  # requested duration
    concurrency: int
    elapsed: float = 0.0  # wall time until the last client finished
    latencies_ms: list[float] = field(default_factory=list)  # one per response received
    statuses: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)  # no response: kind -> count
    error_samples: list[str] = field(default_factory=list)
    connections: int = 0  # TCP connections opened while measuring (reconnects)
    spread: list[int] | None = None  # connections per server worker, when known
    rebalanced: int = 0  # connections replaced to even out the spread
    bytes_received: int = 0  # body bytes

    def add_error(self, exc: BaseException) -> None:
        kind = type(exc).__name__
        self.errors[kind] += 1
        if len(self.error_samples) < MAX_ERROR_SAMPLES:
            self.error_samples.append(f"{kind}: {exc}" if str(exc) else kind)

    @property
    def requests(self) -> int:
        """Responses received (any status)."""
        return len(self.latencies_ms)

    @property
    def ok(self) -> int:
        return sum(n for status, n in self.statuses.items() if 200 <= status < 300)

    @property
    def non_2xx(self) -> int:
        return self.requests - self.ok

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def failed(self) -> bool:
        return bool(self.non_2xx or self.error_count or not self.requests)

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed if self.elapsed > 0 else 0.0

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile of the latencies, in ms (nan when there are none)."""
        if not self.latencies_ms:
            return math.nan
        ordered = sorted(self.latencies_ms)
        rank = max(1, math.ceil(p / 100 * len(ordered)))
        return ordered[rank - 1]

    @property
    def p50(self) -> float:
        return self.percentile(50)

    @property
    def p99(self) -> float:
        return self.percentile(99)

    def describe_failure(self) -> str:
        """One line saying what went wrong ('' when nothing did)."""
        parts = []
        bad = {s: n for s, n in sorted(self.statuses.items()) if not 200 <= s < 300}
        if bad:
            parts.append(
                f"{self.non_2xx} non-2xx ("
                + ", ".join(f"HTTP {s} x{n}" for s, n in bad.items())
                + ")"
            )
        if self.errors:
            parts.append(
                f"{self.error_count} errors ("
                + ", ".join(f"{kind} x{n}" for kind, n in self.errors.most_common())
                + ")"
            )
            if self.error_samples:
                parts.append("e.g. " + "; ".join(self.error_samples[:2]))
        if not self.requests and not self.errors:
            parts.append("no response at all")
        return "; ".join(parts)

    def as_dict(self) -> dict:
        return {
            "url": self.url,
            "seconds": self.seconds,
            "concurrency": self.concurrency,
            "elapsed": round(self.elapsed, 3),
            "requests": self.requests,
            "rps": round(self.rps, 1),
            "p50_ms": round(self.p50, 2),
            "p99_ms": round(self.p99, 2),
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "errors": dict(self.errors),
            "connections": self.connections,
            "spread": self.spread,
            "rebalanced": self.rebalanced,
            "bytes_received": self.bytes_received,
        }


def combine(results: list[Result]) -> Result:
    """Pool several runs against the same URL (e.g. interleaved slices) into one:
    requests and elapsed times add up, percentiles come from all latencies together,
    ``spread`` is the most uneven one seen."""
    if not results:
        raise ValueError("nothing to combine")
    first = results[0]
    total = Result(url=first.url, seconds=0.0, concurrency=first.concurrency)
    for r in results:
        total.seconds += r.seconds
        total.elapsed += r.elapsed
        total.latencies_ms += r.latencies_ms
        total.statuses.update(r.statuses)
        total.errors.update(r.errors)
        total.error_samples += r.error_samples[: MAX_ERROR_SAMPLES - len(total.error_samples)]
        total.connections += r.connections
        total.bytes_received += r.bytes_received
        total.rebalanced += r.rebalanced
        if r.spread and (not total.spread or max(r.spread) > max(total.spread)):
            total.spread = r.spread
    return total


def measure(
    url: str,
    seconds: float = 5.0,
    concurrency: int = 8,
    *,
    timeout: float = REQUEST_TIMEOUT,
    owner_of: OwnerOf | None = None,
    owners: int = 0,
    headers: Mapping[str, str] | None = None,
) -> Result:
    """Load ``url`` with ``concurrency`` clients for ``seconds``; see the module docstring.

    ``owner_of`` and ``owners`` optionally spread the connections evenly over the
    server's ``owners`` worker processes before measuring: ``owner_of(local_ports)``
    maps the clients' local ports to whichever process holds the other end (see
    ``server.Server.connection_owners``). Clients on an over-full worker reconnect until
    no worker holds more than its share. Without it, which worker accepts which
    keep-alive connection is down to chance, and with 2 workers all 8 connections often
    end up in one of them, halving the throughput of CPU-bound pages from run to run.

    ``headers`` are sent with every request, e.g. ``{"Cookie": "sessionid=..."}`` for a
    page behind sign-in (every client then shares that one session).
    """
    return asyncio.run(
        measure_async(
            url,
            seconds,
            concurrency,
            timeout=timeout,
            owner_of=owner_of,
            owners=owners,
            headers=headers,
        )
    )


async def measure_async(
    url: str,
    seconds: float = 5.0,
    concurrency: int = 8,
    *,
    timeout: float = REQUEST_TIMEOUT,
    owner_of: OwnerOf | None = None,
    owners: int = 0,
    headers: Mapping[str, str] | None = None,
) -> Result:
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(f"only plain http:// URLs are supported, got {url!r}")
    if concurrency < 1 or seconds <= 0:
        raise ValueError("concurrency must be >= 1 and seconds > 0")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request = (
        f"GET {target} HTTP/1.1\r\n"
        f"Host: {parts.netloc.rsplit('@', 1)[-1]}\r\n"
        "User-Agent: clinic-bench/1\r\n"
        "Accept: text/html,*/*;q=0.8\r\n"
        "Accept-Encoding: identity\r\n"
        + "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
        + "\r\n"
    ).encode("ascii")

    result = Result(url=url, seconds=seconds, concurrency=concurrency)
    clients = [
        Client(parts.hostname, parts.port or 80, request, timeout, result)
        for _ in range(concurrency)
    ]
    try:
        # Open every connection with one unmeasured request, so the server has
        # accepted it (and the measured time holds no connection set-up).
        await asyncio.gather(*(c.request(record=False) for c in clients))
        if owner_of is not None and owners > 1:
            await _spread(clients, owner_of, owners, result)
        result.connections = 0
        start = time.perf_counter()
        deadline = start + seconds
        await asyncio.gather(*(c.run_until(deadline) for c in clients))
        result.elapsed = time.perf_counter() - start
    finally:
        for client in clients:
            client.close()
    return result


async def _spread(
    clients: list[Client], owner_of: OwnerOf, owners: int, result: Result, rounds: int = 200
) -> None:
    """Reconnect clients on over-full workers until none holds more than its share.

    A new connection lands on whichever worker wins the accept() race, often the same
    one again, so this can take a few rounds; each costs one request per reconnected
    client. ``result.spread`` is the final connections-per-worker count.
    """
    share = math.ceil(len(clients) / owners)
    for round_no in range(rounds + 1):
        by_port = {c.local_port: c for c in clients if c.local_port is not None}
        owner = owner_of(list(by_port))
        if not owner:
            return  # not supported here (no /proc): leave result.spread as None
        groups: dict[object, list[int]] = defaultdict(list)
        for port in by_port:
            groups[owner.get(port)].append(port)
        result.spread = sorted((len(g) for k, g in groups.items() if k is not None), reverse=True)
        excess = [p for k, g in groups.items() if k is not None for p in g[share:]]
        if not excess or round_no == rounds:
            return
        for port in excess:
            by_port[port].close()
        result.rebalanced += len(excess)
        await asyncio.gather(*(by_port[port].request(record=False) for port in excess))
