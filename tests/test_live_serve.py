"""``numcheck serve``: the API through Starlette's test client, and a real uvicorn process on loopback.

The contract tests compare the service with ``numcheck check --format json`` run as a subprocess on
the same text: the service must answer exactly the CLI's ``files[0]`` object and summary.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from _livekit import start_serve

with warnings.catch_warnings():  # Starlette 1.x suggests httpx2 for its test client; httpx works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from numcheck.live.serve import ServeOptions, create_app

BROKEN = "The army said 84 of 112 drones were shot down, or 80%.\n\nSales rose from 120 to 150, up 30%.\n"
#: About 90 KB of figures: checking it takes over a second, far past the short limits used here.
SLOW = ("The army said 84 of 112 drones were shot down, or 80%. Sales rose from 120 to 150, up 30%.\n\n" * 1000)


def cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "numcheck.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = create_app(ServeOptions(max_bytes=200_000, timeout=5))
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client


def test_check_answers_the_cli_json_contract(client: TestClient, tmp_path: Path):
    article = tmp_path / "story.md"
    article.write_text(BROKEN, encoding="utf-8")
    expected = json.loads(cli("check", str(article), "--format", "json").stdout)
    response = client.post("/v1/check", json={"text": BROKEN, "path": str(article)})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {**expected["files"][0], "summary": expected["summary"]}
    assert {f["rule"] for f in response.json()["findings"]} == {"percent-of-count", "change-arithmetic"}


def test_extract_answers_the_cli_claims(client: TestClient, tmp_path: Path):
    article = tmp_path / "story.txt"
    article.write_text(BROKEN, encoding="utf-8")
    expected = json.loads(cli("extract", str(article), "--format", "json").stdout)
    response = client.post("/v1/extract", json={"text": BROKEN, "path": str(article)})
    assert response.json() == {"claims": expected["files"][0]["claims"]}


def test_select_and_disable_take_rule_ids_and_check_kinds(client: TestClient):
    only_change = client.post("/v1/check", json={"text": BROKEN, "select": ["change"]}).json()
    assert [f["rule"] for f in only_change["findings"]] == ["change-arithmetic"]
    no_percent = client.post("/v1/check", json={"text": BROKEN, "disable": ["percent-of-count"]}).json()
    assert [f["rule"] for f in no_percent["findings"]] == ["change-arithmetic"]
    unknown = client.post("/v1/check", json={"text": BROKEN, "disable": ["percent-of-cuont"]})
    assert unknown.status_code == 400
    assert unknown.json() == {"error": "unknown rule id or check kind in 'disable': percent-of-cuont "
                                       "(see GET /v1/rules)"}


def test_path_is_a_label_never_a_file(client: TestClient, tmp_path: Path):
    secret = tmp_path / "secret.md"
    secret.write_text("Of the 10 ministers, 12 resigned.\n", encoding="utf-8")
    body = client.post("/v1/check", json={"text": "Nothing to see.", "path": str(secret)}).json()
    assert body["path"] == str(secret) and body["claims"] == [] and body["findings"] == []


def test_rules_health_and_openapi(client: TestClient):
    listed = cli("rules", "list").stdout
    rules = client.get("/v1/rules").json()["rules"]
    assert rules and all(rule["id"] in listed for rule in rules)
    assert {"id", "check", "severity", "pack", "description", "message"} <= set(rules[0])
    assert client.get("/healthz").json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    routes = {route.path for route in client.app.routes}  # type: ignore[attr-defined]
    assert set(spec["paths"]) == routes
    assert spec["openapi"].startswith("3.")


@pytest.mark.parametrize(("body", "status", "error"), [
    (b'{"text": "x"', 400, "malformed JSON: Expecting ',' delimiter at line 1 column 13"),
    (b"\xff\xfe{}", 400, "request body is not valid UTF-8 (byte 0)"),
    (b'["text"]', 400, 'the body must be a JSON object such as {"text": "..."}'),
    (b'{"text": 5}', 400, "'text' is required and must be a string"),
    (b'{"text": "x", "select": "change"}', 400, "'select' must be a list of rule ids or check kinds"),
    (b'{"text": "x", "file": "/etc/passwd"}', 400, "unknown field 'file' (expected: text, path, select, disable)"),
])
def test_bad_bodies_get_one_line_400(client: TestClient, body: bytes, status: int, error: str):
    response = client.post("/v1/check", content=body)
    assert (response.status_code, response.json()) == (status, {"error": error})
    assert "\n" not in response.text


def test_unknown_routes_and_methods_are_json_errors(client: TestClient):
    assert client.get("/v2/nothing").json() == {"error": "Not Found"}
    assert client.get("/v1/check").status_code == 405


def test_body_over_max_bytes_is_413_by_content_length_or_streaming(client: TestClient):
    big = json.dumps({"text": "x" * 300_000}).encode()
    declared = client.post("/v1/check", content=big)
    assert declared.status_code == 413
    assert declared.json() == {"error": f"request body of {len(big)} bytes is over the limit of 200000 bytes"}

    def chunks() -> Iterator[bytes]:  # no Content-Length: the server must count as it reads
        for _ in range(40):
            yield b"x" * 10_000

    streamed = client.post("/v1/check", content=chunks())
    assert streamed.status_code == 413
    assert streamed.json() == {"error": "request body is over the limit of 200000 bytes"}


def test_host_header_must_be_the_bound_host_or_localhost(client: TestClient):
    assert client.get("/healthz", headers={"host": "localhost:8765"}).status_code == 200
    assert client.get("/healthz", headers={"host": "127.0.0.1:8765"}).status_code == 200
    refused = client.get("/healthz", headers={"host": "attacker.example:8765"})
    assert refused.status_code == 403
    assert refused.json()["error"].startswith("host 'attacker.example:8765' is not allowed")


def test_no_cors_headers_unless_the_origin_is_allowed(client: TestClient):
    plain = client.post("/v1/check", json={"text": BROKEN}, headers={"origin": "https://cms.example"})
    assert "access-control-allow-origin" not in plain.headers
    app = create_app(ServeOptions(allow_origins=("https://cms.example",)))
    with TestClient(app, base_url="http://127.0.0.1") as cors:
        allowed = cors.post("/v1/check", json={"text": BROKEN}, headers={"origin": "https://cms.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://cms.example"
        other = cors.post("/v1/check", json={"text": BROKEN}, headers={"origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        preflight = cors.options("/v1/check", headers={"origin": "https://cms.example",
                                                        "access-control-request-method": "POST"})
        assert preflight.status_code == 200 and "POST" in preflight.headers["access-control-allow-methods"]


def _sha256(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def test_page_csp_allows_only_its_own_hashed_blocks(client: TestClient):
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "connect-src 'self'" in csp and "default-src 'none'" in csp
    styles = re.findall(r"<style>(.*?)</style>", response.text, re.S)
    scripts = re.findall(r"<script>(.*?)</script>", response.text, re.S)
    assert len(styles) == 1 and len(scripts) == 1
    assert re.search(r"style-src ([^;]*)", csp).group(1) == _sha256(styles[0])
    assert re.search(r"script-src ([^;]*)", csp).group(1) == _sha256(scripts[0])
    assert "<script src" not in response.text and "<link" not in response.text


def test_html_is_the_report_renderers_article(client: TestClient):
    body = client.post("/v1/html", json={"text": BROKEN, "path": "a.md"}).json()
    assert body["summary"]["findings"] == 2
    assert body["html"].startswith('<details class="article"')
    assert 'data-rule="percent-of-count"' in body["html"] and "<mark class=\"claim" in body["html"]
    assert "<script" not in body["html"] and "<style" not in body["html"]
    hostile = client.post("/v1/html", json={"text": "<script>alert(1)</script> 84 of 112, or 80%."}).json()
    assert "<script>alert" not in hostile["html"] and "&lt;script&gt;" in hostile["html"]


def test_time_limit_answers_503_and_stops_the_work():
    app = create_app(ServeOptions(max_bytes=500_000, timeout=0.3))
    with TestClient(app, base_url="http://127.0.0.1") as limited:
        before = set(app.state.service.pool.pids)
        response = limited.post("/v1/check", json={"text": SLOW})
        assert response.status_code == 503
        assert response.json() == {"error": "the check took longer than the server's limit of 0.3 s and was stopped"}
        after = set(app.state.service.pool.pids)
        (killed,) = before - after
        assert len(after) == len(before)
        assert _gone(killed)
        assert limited.post("/v1/check", json={"text": BROKEN}).json()["summary"]["findings"] == 2


def _gone(pid: int, within: float = 2.0) -> bool:
    """The process has ended (or is a zombie about to be reaped) within ``within`` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                return True
        except OSError:
            return True
        time.sleep(0.01)
    return False


# --- a real uvicorn process on a free loopback port --------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry))
    return found


def _family(pid: int) -> set[int]:
    family = set()
    todo = [pid]
    while todo:
        for child in _children(todo.pop()):
            family.add(child)
            todo.append(child)
    return family


def _settled_family(pid: int, size: int, within: float = 3.0) -> set[int]:
    """The processes under ``pid`` once there are ``size`` of them: a worker just killed takes a few
    milliseconds to die, and is not growth. Returns whatever is there if it never settles."""
    deadline = time.monotonic() + within
    family = _family(pid)
    while len(family) != size and time.monotonic() < deadline:
        time.sleep(0.02)
        family = _family(pid)
    return family


def _threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    folder = tmp_path_factory.mktemp("serve")
    (folder / ".git").mkdir()
    process, base = start_serve(folder, "--timeout", "0.3", "--max-bytes", "500000")
    yield base, process
    process.terminate()
    process.wait(timeout=20)


def _timed(base: str, text: str) -> tuple[int, float]:
    started = time.monotonic()
    response = httpx.post(base + "/v1/check", json={"text": text}, timeout=30)
    return response.status_code, time.monotonic() - started


def test_real_server_after_20_timeouts_answers_as_usual_without_growth(server):
    base, process = server
    usual = sorted(_timed(base, BROKEN)[1] for _ in range(5))[2]
    family, threads = _family(process.pid), _threads(process.pid)
    assert len(family) == 2  # the zygote and one worker
    for _ in range(20):
        status, _ = _timed(base, SLOW)
        assert status == 503
    status, elapsed = _timed(base, BROKEN)
    assert status == 200
    assert elapsed <= usual + 1.0
    after = _settled_family(process.pid, len(family))
    assert len(after) == len(family) and _threads(process.pid) <= threads
    assert after != family  # the worker was replaced: the stuck ones are gone, not left running


def test_real_server_survives_bad_clients(server):
    base, process = server
    host, port = base.removeprefix("http://").split(":")
    workers = _family(process.pid)
    # A client that promises a body and disconnects halfway through it.
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 1000\r\n\r\n{\"text\": \"84 of")
    # A client that sends a slow article and leaves before the answer: its work is stopped.
    body = json.dumps({"text": SLOW[:60_000]}).encode()
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        time.sleep(0.1)
    time.sleep(0.3)
    # A 50 MB paste is refused from its Content-Length, and again while streaming without one.
    huge = b'{"text": "' + b"x" * 50_000_000 + b'"}'
    assert httpx.post(base + "/v1/check", content=huge, timeout=60).status_code == 413

    def chunks() -> Iterator[bytes]:
        for _ in range(50):
            yield b"x" * 1_000_000

    try:
        streamed = httpx.post(base + "/v1/check", content=chunks(), timeout=60)
        assert streamed.status_code == 413
    except httpx.WriteError:  # the server answered 413 and closed while the client was still sending
        pass
    assert httpx.post(base + "/v1/check", content=b"\xc3\x28", timeout=10).status_code == 400
    status, _ = _timed(base, BROKEN)
    assert status == 200
    assert len(_settled_family(process.pid, len(workers))) == len(workers)


def test_a_client_that_leaves_stops_its_work(tmp_path: Path):
    """With a time limit far away, the work of a client that hung up is still stopped at once."""
    (tmp_path / ".git").mkdir()
    process, base = start_serve(tmp_path, "--timeout", "120", "--max-bytes", "500000")
    try:
        host, port = base.removeprefix("http://").split(":")
        before = _family(process.pid)
        (busy,) = before - _children(process.pid)  # the worker (the zygote is the server's child)
        body = json.dumps({"text": SLOW}).encode()  # seconds of checking
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
            time.sleep(0.2)
        assert _gone(busy, within=1.0)  # killed long before its check could have finished
        assert len(_settled_family(process.pid, len(before))) == len(before)
        assert _timed(base, BROKEN)[0] == 200
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_two_workers_share_the_load_and_a_timeout_on_one_spares_the_other():
    app = create_app(ServeOptions(max_bytes=500_000, timeout=0.5, workers=2))
    with TestClient(app, base_url="http://127.0.0.1") as pair:
        assert len(app.state.service.pool.pids) == 3  # the zygote and two workers
        import concurrent.futures

        with concurrent.futures.ThreadPoolExecutor(4) as threads:
            slow = threads.submit(pair.post, "/v1/check", json={"text": SLOW})
            quick = [threads.submit(pair.post, "/v1/check", json={"text": BROKEN}) for _ in range(3)]
            assert [f.result().status_code for f in quick] == [200, 200, 200]
            assert slow.result().status_code == 503
        assert len(app.state.service.pool.pids) == 3


def test_big_answer_and_big_request_at_once_do_not_deadlock():
    """A worker writing a big answer while a big request waits for it: neither side may block the other.

    Driven at the pool itself, in a child process, because a deadlock would freeze the event loop
    that any in-process timeout runs on; the child's own timeout bounds the test instead.
    """
    script = """if True:
        import asyncio
        from numcheck.live.workers import WorkerPool
        from numcheck.runner import CheckerSpec
        many = "Figures: " + ", ".join(str(i) for i in range(1000, 3500)) + "."  # ~700 KB of JSON back
        big = ("Word " * 60000) + "5 apples."  # 300 KB to send: more than a socket buffer holds
        async def main():
            pool = WorkerPool(CheckerSpec(), "numcheck.live.payload.handle", 1)
            pool.start()
            first = asyncio.ensure_future(pool.run({"op": "check", "text": many}, 60))
            await asyncio.sleep(0.05)  # the worker is busy with the first when the second comes
            second = await pool.run({"op": "check", "text": big}, 60)
            print(len((await first)[1]) > 400_000, second[0])
            pool.close()
        asyncio.run(main())
    """
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=90)
    assert result.stdout.split() == ["True", "200"], result.stderr
