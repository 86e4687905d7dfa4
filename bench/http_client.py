"""One simulated HTTP/1.1 user agent for the load generator in ``bench.http_load``: one
keep-alive connection at a time, one request at a time, responses parsed by hand (stdlib only).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.http_load import Result


class ProtocolError(ValueError):
    """The server sent something this client cannot parse."""


class StaleConnection(Exception):
    """A reused keep-alive connection was closed before the response began."""


class Client:
    """One simulated user agent: one connection at a time, one request at a time."""

    def __init__(
        self, host: str, port: int, request: bytes, timeout: float, result: Result
    ) -> None:
        self.host, self.port, self.request_bytes = host, port, request
        self.timeout = timeout
        self.result = result
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.served = 0  # responses read on the current connection

    @property
    def local_port(self) -> int | None:
        if self.writer is None:
            return None
        sockname = self.writer.get_extra_info("sockname")
        return sockname[1] if sockname else None

    def close(self) -> None:
        if self.writer is not None:
            with contextlib.suppress(OSError):
                self.writer.close()
        self.reader = self.writer = None

    async def run_until(self, deadline: float) -> None:
        while time.perf_counter() < deadline:
            if not await self.request(record=True):
                await asyncio.sleep(0.01)  # do not spin when the server is down

    async def request(self, *, record: bool) -> bool:
        """Send one GET and read the response; False on a connection-level error.

        Errors are always recorded; statuses, latencies and reconnections only when
        ``record`` (the opening and rebalancing requests are not measured).
        """
        t0 = time.perf_counter()
        try:
            async with asyncio.timeout(self.timeout):
                for attempt in (1, 2):
                    if self.writer is None:
                        self.reader, self.writer = await asyncio.open_connection(
                            self.host, self.port
                        )
                        self.served = 0
                        if record:
                            self.result.connections += 1
                    assert self.reader is not None
                    try:
                        self.writer.write(self.request_bytes)
                        status, keep_alive, nbytes = await _read_response(
                            self.reader, reused=self.served > 0
                        )
                        break
                    except StaleConnection:
                        # The server closed an idle keep-alive connection just as we
                        # reused it: retry once on a fresh one, like browsers do.
                        self.close()
                        if attempt == 2:
                            raise
        except (OSError, EOFError, TimeoutError, ValueError, StaleConnection) as exc:
            self.result.add_error(exc)
            self.close()
            return False
        latency_ms = (time.perf_counter() - t0) * 1000
        self.served += 1
        if not keep_alive:
            self.close()
        if record:
            self.result.latencies_ms.append(latency_ms)
            self.result.statuses[status] += 1
            self.result.bytes_received += nbytes
        return True


async def _read_response(reader: asyncio.StreamReader, *, reused: bool) -> tuple[int, bool, int]:
    """Read one response to a GET; return (status, connection reusable, body bytes)."""
    try:
        status_line = await reader.readline()
    except ConnectionResetError:
        if reused:
            raise StaleConnection("connection reset before the status line") from None
        raise
    if not status_line:
        if reused:
            raise StaleConnection("connection closed before the status line")
        raise EOFError("connection closed before the status line")
    fields = status_line.split(None, 2)
    if len(fields) < 2 or not fields[0].startswith(b"HTTP/") or not fields[1].isdigit():
        raise ProtocolError(f"bad status line {status_line[:80]!r}")
    version, status = fields[0], int(fields[1])

    content_length: int | None = None
    chunked = False
    connection = b""
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n"):
            break
        if not line:
            raise EOFError("connection closed inside the headers")
        name, sep, value = line.partition(b":")
        if not sep:
            raise ProtocolError(f"bad header line {line[:80]!r}")
        name = name.strip().lower()
        value = value.strip()
        if name == b"content-length":
            if not value.isdigit():
                raise ProtocolError(f"bad Content-Length {value[:40]!r}")
            content_length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
        elif name == b"connection":
            connection = value.lower()

    if version == b"HTTP/1.1":
        keep_alive = b"close" not in connection
    else:
        keep_alive = b"keep-alive" in connection

    if 100 <= status < 200 or status in (204, 304):
        return status, keep_alive, 0
    if chunked:
        return status, keep_alive, await _read_chunked(reader)
    if content_length is not None:
        await reader.readexactly(content_length)
        return status, keep_alive, content_length
    # No length: the body runs until the server closes the connection.
    nbytes = 0
    while chunk := await reader.read(65536):
        nbytes += len(chunk)
    return status, False, nbytes


async def _read_chunked(reader: asyncio.StreamReader) -> int:
    nbytes = 0
    while True:
        size_line = await reader.readline()
        if not size_line:
            raise EOFError("connection closed inside a chunked body")
        try:
            size = int(size_line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise ProtocolError(f"bad chunk size {size_line[:80]!r}") from None
        if size == 0:
            while (line := await reader.readline()) not in (b"\r\n", b"\n"):  # trailers
                if not line:
                    raise EOFError("connection closed inside chunked trailers")
            return nbytes
        await reader.readexactly(size + 2)  # data + CRLF
        nbytes += size
