"""Figure 6: API POST /extract latency (p50, p95) for a 1,000-word article, bounded load.

The API runs in its own process (uvicorn on loopback, as `bilan serve` runs it); the client
sends ``requests`` requests from ``concurrency`` threads and stops early at ``time_limit``.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx

from benchmarks.report import Figure
from benchmarks.texts import article_of_words
from bilan.model import Article

SERVER = (
    "from bilan.api.server import serve; from bilan.config import Settings; "
    "serve(Settings(), host='127.0.0.1', port={port}, log_level='warning')"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def api_server(startup_timeout: float = 120.0) -> Iterator[str]:
    """A uvicorn process serving the app; yields its base URL and stops it afterwards."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER.format(port=port)])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the API server did not start (exit code {proc.poll()})")
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def api_latency(
    articles: list[Article],
    *,
    requests: int = 60,
    concurrency: int = 2,
    time_limit: float = 180.0,
) -> list[Figure]:
    text = article_of_words(articles, 1000)
    body = {"text": text, "id": "bench", "published": "2012-10-01"}
    latencies: list[float] = []
    with api_server() as base, httpx.Client(base_url=base, timeout=120) as client:
        for _ in range(3):  # warm-up: the first request builds the pipeline
            client.post("/extract", json=body).raise_for_status()
        stop = time.monotonic() + time_limit

        def one(_: int) -> float | None:
            if time.monotonic() > stop:
                return None
            start = time.perf_counter()
            client.post("/extract", json=body).raise_for_status()
            return time.perf_counter() - start

        with ThreadPoolExecutor(concurrency) as pool:
            latencies = [t for t in pool.map(one, range(requests)) if t is not None]
    p50, p95 = _percentile(latencies, 50) * 1000, _percentile(latencies, 95) * 1000
    detail = {
        "words": len(text.split()),
        "requests_sent": len(latencies),
        "concurrency": concurrency,
        "time_limit_s": time_limit,
        "p50_ms": round(p50),
        "p95_ms": round(p95),
    }
    note = "one API process: requests queue behind each other's spaCy parse (CPU-bound)"
    return [
        Figure(6, "API /extract latency p50 (1,000 words)", p50, "ms", detail=detail, note=note),
        Figure(6, "API /extract latency p95 (1,000 words)", p95, "ms", detail=detail, note=note),
    ]
