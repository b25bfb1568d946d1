"""Latency and throughput of live checking: ``numcheck lsp``, ``numcheck serve`` and its editor page.

Usage::

    python benchmarks/bench_live.py corpora/bbc [--changes 100] [--requests 200] [--clients 8]
                                                [--edits 20] [--no-page] [--json]

PATH is a folder of ``.txt`` articles or a ``.jsonl`` corpus. Everything runs on loopback, bounded
in count and in time (every wait has a timeout). Each figure is printed beside its target and the
in-process baseline it is judged by:

* **LSP:** a real LSP client (pygls) drives ``numcheck lsp --debounce 0`` over stdio on a 5 KB
  article: the time from sending ``didChange`` to receiving ``publishDiagnostics`` for that version,
  median and p99 over ``--changes`` edits (targets 50 ms and 150 ms; the debounce is excluded by
  setting it to 0), beside ``Checker.check`` of the same text in this process.
* **HTTP:** ``--requests`` ``POST /v1/check`` of 5 KB articles from ``--clients`` concurrent
  loopback clients against ``numcheck serve`` with one worker: errors (target 0), p50/p99 latency,
  and throughput as a fraction of ``Checker.check`` on the same texts in this process (target >= 0.8).
  The machine is shared, so ``--rounds`` rounds alternate the two and the best of each is compared;
  the CPU seconds per request of the server and its worker are printed beside the in-process CPU
  per check, a ratio other work on the machine does not move.
* **Page:** the editor page in headless Chromium (Debian's chromium + chromedriver, via selenium,
  nothing downloaded): an edit (retyping a figure) until its new findings are shown, timed in the
  page from the last keystroke, debounce (150 ms) included; median of ``--edits`` (target 300 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from common import load_corpus, machine, median, synthetic_article

CHROMEDRIVER = "/usr/bin/chromedriver"
#: A sentence whose finding comes and goes as its last figure is retyped (80% is wrong, 75% right).
PROBE = "The army said 84 of 112 drones were shot down, or {}."


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def five_kb_articles(corpus: str, count: int) -> list[str]:
    """``count`` different articles of about 5 KB, each made of real articles joined as paragraphs."""
    articles = load_corpus(corpus)
    texts = []
    for start in range(count):
        rotated = articles[start * 3 % len(articles):] + articles[: start * 3 % len(articles)]
        texts.append(synthetic_article(rotated, 5)[:5120])
    return texts


def in_process(checker: Any, texts: list[str]) -> dict[str, float]:
    """Median ms per check, checks per second and CPU ms per check of ``Checker.check`` over ``texts``."""
    times = []
    started, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        begin = time.perf_counter()
        checker.check(text)
        times.append((time.perf_counter() - begin) * 1000)
    wall = time.perf_counter() - started
    return {"median_ms": median(times), "per_second": len(texts) / wall,
            "cpu_ms": (time.process_time() - cpu) / len(texts) * 1000}


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == parent:
                    found.append(int(entry))
                    todo.append(int(entry))
    return found


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by the server and every process under it."""
    total = 0.0
    for each in (pid, *_descendants(pid)):
        try:
            total += _cpu_seconds(each)
        except OSError:
            pass
    return total


# --- LSP -------------------------------------------------------------------------------------------


async def lsp_latency(text: str, changes: int) -> list[float]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("bench-live", "1")
    arrived: dict[int, float] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            event.set()

    await client.start_io(sys.executable, "-m", "numcheck.cli", "lsp", "--debounce", "0")
    folder = Path.cwd()
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                         root_uri=folder.as_uri()))
    client.initialized(types.InitializedParams())
    uri = (folder / "bench-live-article.md").as_uri()
    body = text + "\n\n" + PROBE.format("80%")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=body)))
    await asyncio.wait_for(_wait_version(arrived, event, 1), 30)
    lines = body.split("\n")
    line, column = len(lines) - 1, lines[-1].index("80%")
    latencies = []
    for version in range(2, changes + 2):
        figure = "75%" if version % 2 else "80%"
        started = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=line, character=column),
                                  end=types.Position(line=line, character=column + 3)), text=figure)]))
        await asyncio.wait_for(_wait_version(arrived, event, version), 30)
        latencies.append((arrived[version] - started) * 1000)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies


async def _wait_version(arrived: dict[int, float], event: asyncio.Event, version: int) -> None:
    while version not in arrived:
        event.clear()
        await event.wait()


# --- HTTP ------------------------------------------------------------------------------------------


def start_server() -> tuple[subprocess.Popen[str], str]:
    """``numcheck serve`` on a free loopback port, started the way the tests start it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from _livekit import start_serve

    return start_serve(Path.cwd())


class _Connection:
    """One keep-alive HTTP/1.1 connection speaking just enough of the protocol to POST JSON.

    The load generator shares the 2 cores with the server it measures, so it must cost little: httpx
    spends about 3 ms of CPU a request, a third of what the server spends checking it; this spends a
    few hundredths of that."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str) -> None:
        self.reader, self.writer, self.host = reader, writer, host

    @classmethod
    async def open(cls, base: str) -> _Connection:
        host, port = base.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        return cls(reader, writer, host)

    async def post(self, path: str, body: bytes) -> tuple[int, bytes]:
        self.writer.write(f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Type: application/json\r\n"
                          f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:"))
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        self.writer.close()


async def http_load(base: str, texts: list[str], requests: int, clients: int) -> dict[str, Any]:
    bodies = [json.dumps({"text": text}).encode() for text in texts]
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(requests):
        queue.put_nowait(index)

    async def one_client() -> None:
        nonlocal errors
        connection = await _Connection.open(base)
        try:
            while not queue.empty():
                index = queue.get_nowait()
                begin = time.perf_counter()
                try:
                    status, answer = await connection.post("/v1/check", bodies[index % len(bodies)])
                    if status != 200 or b'"findings": ' not in answer:
                        errors += 1
                except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
                    errors += 1
                    connection.close()
                    connection = await _Connection.open(base)
                latencies.append((time.perf_counter() - begin) * 1000)
        finally:
            connection.close()

    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(one_client() for _ in range(clients))), 600)
    wall = time.perf_counter() - started
    return {"requests": requests, "clients": clients, "errors": errors, "p50_ms": percentile(latencies, 50),
            "p99_ms": percentile(latencies, 99), "per_second": requests / wall}


# --- the page --------------------------------------------------------------------------------------

#: Installed in the page: note the time of every key press and of every answer shown, in page time.
_RECORDER = """
window.__keys = 0; window.__shown = [];
document.getElementById('text').addEventListener('keydown', function(){ window.__keys = performance.now(); });
new MutationObserver(function(){ window.__shown.push([performance.now(),
    document.getElementById('report').getAttribute('data-findings')]); })
  .observe(document.getElementById('report'), {attributes: true, attributeFilter: ['data-seq']});
"""


def page_latency(base: str, edits: int, profile: Path) -> list[float]:
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.set_script_timeout(10)
        driver.get(base + "/")
        box = driver.find_element(By.ID, "text")
        box.clear()
        box.send_keys(PROBE.format("80%"))
        _wait(lambda: driver.find_element(By.ID, "report").get_attribute("data-findings") == "1")
        driver.execute_script(_RECORDER)
        latencies = []
        for edit in range(edits):
            figure, findings = ("75%.", "0") if edit % 2 == 0 else ("80%.", "1")
            driver.execute_script("window.__shown = [];")
            box.send_keys(Keys.BACKSPACE * 4 + figure)
            _wait(lambda want=findings: any(f == want for _, f in driver.execute_script("return window.__shown;")))
            shown = driver.execute_script("return window.__shown;")
            last_key = driver.execute_script("return window.__keys;")
            when = next(t for t, f in shown if f == findings)
            latencies.append(when - last_key)
        return latencies
    finally:
        driver.quit()


def _wait(condition: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.005)
    raise SystemExit("the page did not update in time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--no-page", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results: dict[str, Any] = {"machine": machine()}
    texts = five_kb_articles(args.corpus, 40)
    from numcheck.checker import Checker

    checker = Checker()
    checker.check(texts[0])
    baseline = in_process(checker, texts)
    print(f"machine: {results['machine']}")
    print(f"in-process Checker.check, 5 KB articles: median {baseline['median_ms']:.1f} ms")

    latencies = asyncio.run(lsp_latency(texts[0], args.changes))
    results["lsp"] = {"changes": len(latencies), "median_ms": median(latencies),
                      "p99_ms": percentile(latencies, 99), "max_ms": max(latencies)}
    print(f"LSP didChange->publishDiagnostics, 5 KB, {len(latencies)} edits: median {median(latencies):.1f} ms "
          f"(target <= 50), p99 {percentile(latencies, 99):.1f} ms (target <= 150)")

    process, base = start_server()
    try:
        asyncio.run(http_load(base, texts, 16, 1))  # warm the server's worker
        sent = [texts[i % len(texts)] for i in range(args.requests)]
        rounds, locals_ = [], []
        for _ in range(args.rounds):
            locals_.append(in_process(checker, sent))
            cpu = server_cpu(process.pid)
            http = asyncio.run(http_load(base, texts, args.requests, args.clients))
            http["server_cpu_ms"] = (server_cpu(process.pid) - cpu) / args.requests * 1000
            rounds.append(http)
        best = max(rounds, key=lambda r: r["per_second"])
        best_local = max(locals_, key=lambda r: r["per_second"])
        http = {**best, "errors": sum(r["errors"] for r in rounds), "rounds": args.rounds,
                "in_process_per_second": best_local["per_second"],
                "fraction_of_in_process": best["per_second"] / best_local["per_second"],
                "in_process_cpu_ms": min(r["cpu_ms"] for r in locals_),
                "server_cpu_ms": min(r["server_cpu_ms"] for r in rounds)}
        results["http"] = http
        print(f"HTTP {http['requests']} requests x {args.rounds} rounds from {http['clients']} clients: "
              f"{http['errors']} errors; best round p50 {http['p50_ms']:.1f} ms, p99 {http['p99_ms']:.1f} ms, "
              f"{http['per_second']:.1f}/s vs in-process {http['in_process_per_second']:.1f}/s = "
              f"{http['fraction_of_in_process']:.2f} (target >= 0.80); CPU per request {http['server_cpu_ms']:.1f} ms "
              f"(server + worker) vs {http['in_process_cpu_ms']:.1f} ms per in-process check")
        if not args.no_page:
            import tempfile

            with tempfile.TemporaryDirectory() as profile:
                page = page_latency(base, args.edits, Path(profile))
            results["page"] = {"edits": len(page), "median_ms": statistics.median(page), "max_ms": max(page)}
            print(f"page edit->findings in Chromium, {len(page)} edits, debounce 150 ms included: "
                  f"median {statistics.median(page):.0f} ms (target <= 300), max {max(page):.0f} ms")
    finally:
        process.terminate()
        process.wait(timeout=20)
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
