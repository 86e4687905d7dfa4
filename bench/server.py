"""Start gunicorn for a benchmark and always stop it again.

Worker class: ``gthread`` (2 workers x 4 threads by default). The ``sync`` worker closes
the connection after every response, so each request would pay for a new TCP
connection and the benchmark would measure connection set-up rather than the app;
``gthread`` keeps HTTP/1.1 connections alive, which is what browsers behind a reverse
proxy with upstream keep-alive see. 2 workers x 4 threads = 8 requests in flight, the
default benchmark concurrency, so every client is served by a thread rather than
queued. The threads also make the DB modes differ the way they do in production:
with persistent connections every thread holds its own PostgreSQL connection, with
the pool the threads of a worker share that worker's pool.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Server", "ServerError", "free_port", "gunicorn"]

STOP_TIMEOUT = 15.0  # seconds between SIGTERM and SIGKILL


class ServerError(RuntimeError):
    """gunicorn did not start, or did not become healthy."""


@dataclass
class Server:
    port: int
    pid: int  # the gunicorn master
    workers: int
    log_path: Path  # gunicorn's own log (errors, worker boots)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def worker_pids(self) -> list[int]:
        """The master's child processes (Linux /proc; [] elsewhere)."""
        pids = []
        try:
            entries = os.listdir("/proc")
        except OSError:
            return []
        for entry in entries:
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    stat = fh.read()
            except OSError:
                continue
            # "pid (comm) state ppid ...": comm may hold spaces, so split after ")".
            if int(stat.rsplit(")", 1)[1].split()[1]) == self.pid:
                pids.append(int(entry))
        return pids

    def connection_owners(self, client_ports: list[int]) -> dict[int, int]:
        """Which worker holds the server end of each of our connections.

        Maps the client-side local port to the worker pid, by matching the socket
        inodes of established connections to this server's port in /proc/net/tcp with
        the file descriptors of the worker processes. Linux only: returns {} elsewhere.
        """
        wanted = set(client_ports)
        inode_to_port: dict[str, int] = {}
        try:
            with open("/proc/net/tcp") as fh:
                next(fh)  # header
                for line in fh:
                    fields = line.split()
                    local, remote, inode = fields[1], fields[2], fields[9]
                    remote_port = int(remote.rsplit(":", 1)[1], 16)
                    if (
                        inode != "0"
                        and int(local.rsplit(":", 1)[1], 16) == self.port
                        and remote_port in wanted
                    ):
                        inode_to_port[inode] = remote_port
        except (OSError, StopIteration, IndexError, ValueError):
            return {}
        owners: dict[int, int] = {}
        for pid in self.worker_pids():
            try:
                fds = os.listdir(f"/proc/{pid}/fd")
            except OSError:
                continue
            for fd in fds:
                try:
                    link = os.readlink(f"/proc/{pid}/fd/{fd}")
                except OSError:
                    continue
                if link.startswith("socket:[") and link[8:-1] in inode_to_port:
                    owners[inode_to_port[link[8:-1]]] = pid
        return owners


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(
    app: str,
    env: Mapping[str, str],
    *,
    cwd: Path,
    workers: int = 2,
    threads: int = 4,
    keep_alive: int = 5,
    health_path: str = "/healthz",
    startup_timeout: float = 60.0,
    python: str = sys.executable,
) -> Iterator[Server]:
    """Run ``gunicorn app`` on a free localhost port until the ``with`` block ends.

    Waits until ``health_path`` answers 200 before yielding. gunicorn runs in its own
    session (process group) so a Ctrl-C in the terminal reaches only this script, which
    then stops the whole group: SIGTERM (graceful), then SIGKILL if it lingers. That
    happens on normal exit, on exceptions and on KeyboardInterrupt alike.
    """
    port = free_port()
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed in the finally below
        prefix="clinic-bench-gunicorn-", suffix=".log", delete=False
    )
    log_path = Path(log.name)
    cmd = [
        python, "-m", "gunicorn", app,
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers),
        "--worker-class", "gthread",
        "--threads", str(threads),
        "--keep-alive", str(keep_alive),
        "--graceful-timeout", "5",
        "--log-level", "warning",
        "--error-logfile", "-",
        "--no-control-socket",
    ]  # fmt: skip
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        server = Server(port=port, pid=proc.pid, workers=workers, log_path=log_path)
        _wait_healthy(proc, server, health_path, startup_timeout)
        yield server
    finally:
        _stop(proc)
        log.close()
        log_path.unlink(missing_ok=True)


def log_tail(path: Path, head: int = 60, tail: int = 60) -> str:
    """The log, or its start and end when long (a failed boot's cause comes first)."""
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return "(no log)"
    if not lines:
        return "(log is empty)"
    if len(lines) > head + tail:
        lines = [*lines[:head], f"[... {len(lines) - head - tail} lines ...]", *lines[-tail:]]
    return "\n".join(lines)


def _wait_healthy(proc: subprocess.Popen, server: Server, health_path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServerError(
                f"gunicorn exited with code {proc.returncode} before {health_path} answered."
                f"\n--- gunicorn log ---\n{log_tail(server.log_path)}"
            )
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        try:
            conn.request("GET", health_path)
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                return
            last = f"HTTP {response.status}"
        except (OSError, http.client.HTTPException) as exc:
            last = f"{type(exc).__name__}: {exc}"
        finally:
            conn.close()
        time.sleep(0.2)
    raise ServerError(
        f"{health_path} did not answer 200 within {timeout:.0f}s (last: {last})."
        f"\n--- gunicorn log ---\n{log_tail(server.log_path)}"
    )


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, STOP_TIMEOUT), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)  # the group we created with start_new_session
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
