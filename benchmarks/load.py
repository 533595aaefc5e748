"""`python -m benchmarks.load` (`make load`, run by `make bench`): a bounded load test on loopback.

A uvicorn process serves the API (as `bilan serve` does) over a fresh SQLite store with a write
token; the samples are stored through ``POST /articles`` (which also warms the pipeline); then
``--concurrency`` client threads send a mix of ``POST /extract`` (a sample article) and
``GET /counts`` (varied filters and pages) for ``--seconds`` seconds. Reported: requests served,
errors (transport failures and any status that is not 2xx) and the error rate, throughput, and
p50/p95 latency per endpoint. Written to ``out/bench/load.json`` and printed.

Bounded: one server on 127.0.0.1, a fixed duration, a fixed number of clients, a timeout on
every request. Exits 1 when any request failed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from benchmarks.api import _free_port

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TOKEN = "load-test-token"
SERVER = (
    "from bilan.api.server import serve; from bilan.config import Settings; "
    "serve(Settings(db={db!r}, api_token={token!r}), host='127.0.0.1', port={port}, "
    "log_level='warning')"
)
COUNT_QUERIES: list[dict[str, str | int]] = [
    {},
    {"category": "killed"},
    {"category": "injured", "limit": 50},
    {"source": "ONU"},
    {"place": "Lagos"},
    {"period": "2012-06"},
    {"limit": 10, "offset": 10},
    {"group": "children"},
]


@contextmanager
def server(db: Path, startup_timeout: float = 180.0) -> Iterator[str]:
    """A uvicorn process serving the API over ``db``; yields its base URL, stops it after."""
    port = _free_port()
    code = SERVER.format(db=str(db), token=TOKEN, port=port)
    proc = subprocess.Popen([sys.executable, "-c", code])
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


def sample_bodies() -> list[dict[str, str]]:
    index = {
        r["id"]: r
        for r in map(json.loads, (SAMPLES / "index.jsonl").read_text("utf-8").splitlines())
    }
    bodies = []
    for path in sorted(SAMPLES.glob("*.txt")):
        meta = index.get(path.stem, {})
        body = {"id": path.stem, "text": path.read_text(encoding="utf-8")}
        if meta.get("published"):
            body["published"] = meta["published"]
        bodies.append(body)
    return bodies


@dataclass
class Tally:
    """Latencies and failures per endpoint (shared by the client threads)."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, endpoint: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.setdefault(endpoint, []).append(seconds)
            if error is not None:
                self.errors.setdefault(endpoint, []).append(error)


def one_request(
    client: httpx.Client, rnd: random.Random, bodies: list[dict[str, str]]
) -> tuple[str, str | None]:
    """Send one request of the mix; (endpoint, error or None)."""
    if rnd.random() < 0.5:
        endpoint, call = "POST /extract", lambda: client.post("/extract", json=rnd.choice(bodies))
    else:
        endpoint, call = (
            "GET /counts",
            lambda: client.get("/counts", params=rnd.choice(COUNT_QUERIES)),
        )
    try:
        response = call()
    except httpx.HTTPError as exc:
        return endpoint, f"{type(exc).__name__}: {exc}"
    if not 200 <= response.status_code < 300:
        return endpoint, f"HTTP {response.status_code}: {response.text[:200]}"
    return endpoint, None


def client_loop(
    base: str, stop: float, seed: int, bodies: list[dict[str, str]], tally: Tally
) -> None:
    rnd = random.Random(seed)
    with httpx.Client(base_url=base, timeout=120) as client:
        while time.monotonic() < stop:
            start = time.perf_counter()
            endpoint, error = one_request(client, rnd, bodies)
            tally.record(endpoint, time.perf_counter() - start, error)


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def seed_store(base: str, bodies: list[dict[str, str]]) -> int:
    """Store the samples through the write endpoint; how many were stored."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=base, timeout=300) as client:
        for body in bodies:
            client.post("/articles", json=body, headers=headers).raise_for_status()
        return int(client.get("/articles").json()["total"])


def load_test(*, seconds: float, concurrency: int) -> dict[str, Any]:
    bodies = sample_bodies()
    with (
        tempfile.TemporaryDirectory(prefix="bilan-load-") as tmp,
        server(Path(tmp) / "load.sqlite") as base,
    ):
        stored = seed_store(base, bodies)
        tally = Tally()
        stop = time.monotonic() + seconds
        started = time.perf_counter()
        threads = [
            threading.Thread(target=client_loop, args=(base, stop, n, bodies, tally))
            for n in range(concurrency)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    return summarize(tally, elapsed, seconds=seconds, concurrency=concurrency, stored=stored)


def summarize(tally: Tally, elapsed: float, **context: Any) -> dict[str, Any]:
    served = sum(len(v) for v in tally.latencies.values())
    errors = sum(len(v) for v in tally.errors.values())
    endpoints = {
        name: {
            "requests": len(values),
            "errors": len(tally.errors.get(name, [])),
            "p50_ms": round(percentile(values, 50) * 1000, 1),
            "p95_ms": round(percentile(values, 95) * 1000, 1),
            "first_errors": tally.errors.get(name, [])[:3],
        }
        for name, values in sorted(tally.latencies.items())
    }
    every = [t for values in tally.latencies.values() for t in values]
    return {
        **context,
        "elapsed_s": round(elapsed, 1),
        "requests": served,
        "errors": errors,
        "error_rate": round(errors / served, 4) if served else 0.0,
        "requests_per_s": round(served / elapsed, 2) if elapsed else 0.0,
        "p95_ms": round(percentile(every, 95) * 1000, 1),
        "endpoints": endpoints,
    }


def render(result: dict[str, Any]) -> str:
    lines = [
        f"load test: {result['seconds']:.0f} s, {result['concurrency']} clients, "
        f"{result['stored']} stored articles",
        f"requests served {result['requests']}, errors {result['errors']} "
        f"(rate {result['error_rate']:.2%}), {result['requests_per_s']} req/s, "
        f"p95 {result['p95_ms']} ms",
    ]
    for name, figures in result["endpoints"].items():
        lines.append(
            f"  {name:<14} {figures['requests']:>6} requests  {figures['errors']:>3} errors  "
            f"p50 {figures['p50_ms']:>8} ms  p95 {figures['p95_ms']:>8} ms"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--out", type=Path, default=Path("out/bench"))
    args = parser.parse_args(argv)
    result = load_test(seconds=args.seconds, concurrency=args.concurrency)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "load.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.stdout.write(render(result) + f"written: {path}\n")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
