"""``numcheck lsp`` end to end: a real LSP client (pytest-lsp) drives the server over stdio.

Each test starts ``python -m numcheck.cli lsp`` in a fresh project folder (a ``.git`` folder marks
its root, so the config walk never leaves it) and talks to it as an editor does.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

SERVER = [sys.executable, "-m", "numcheck.cli", "lsp", "--debounce", "30"]
BROKEN = "The army said 84 of 112 drones were shot down, or 80%.\n"
FIXED = "The army said 84 of 112 drones were shot down, or 75%.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    return tmp_path


def capabilities(watch: bool = False) -> types.ClientCapabilities:
    workspace = types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
    ) if watch else None
    return types.ClientCapabilities(workspace=workspace)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, project: Path):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=capabilities(), root_uri=project.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name="news")]))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def watching_client(lsp_client: LanguageClient, project: Path):
    registered: list[types.RegistrationParams] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registered.append(params)

    lsp_client.registered = registered  # type: ignore[attr-defined]
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities(watch=True),
                                                               root_uri=project.as_uri()))
    yield
    await lsp_client.shutdown_session()


async def wait_for(client: LanguageClient, uri: str, check=lambda d: True, timeout: float = 20.0):
    """The diagnostics for ``uri`` once they satisfy ``check`` (a fresh publish each time they change)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        found = client.diagnostics.get(uri)
        if found is not None and check(found):
            return list(found)
        await asyncio.sleep(0.01)
    raise AssertionError(f"no matching diagnostics for {uri}: {client.diagnostics.get(uri)!r}")


def open_doc(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri


def replace_all(client: LanguageClient, uri: str, version: int, old: str, new: str) -> None:
    client.diagnostics.pop(uri, None)
    lines = old.split("\n")
    end = types.Position(line=len(lines) - 1, character=len(lines[-1]))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=0, character=0), end=end), text=new)]))


def apply(text: str, edit: types.TextEdit) -> str:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: edit.range.start.line]) + edit.range.start.character
    end = sum(len(line) + 1 for line in lines[: edit.range.end.line]) + edit.range.end.character
    return text[:start] + edit.new_text + text[end:]


@pytest.mark.asyncio
async def test_diagnostics_on_open_change_and_save(client: LanguageClient, project: Path):
    text = "# Drones\n\nOvernight, " + BROKEN
    uri = open_doc(client, project / "story.md", text)
    found = await wait_for(client, uri, lambda d: len(d) == 1)
    diagnostic = found[0]
    assert diagnostic.code == "percent-of-count"
    assert diagnostic.source == "numcheck"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert "84 of 112 is 75.0%" in diagnostic.message
    line = text.split("\n")[diagnostic.range.start.line]
    assert line[diagnostic.range.start.character:diagnostic.range.end.character] == "80%"
    assert sorted(r.message for r in diagnostic.related_information or []) == ["112 (c2)", "84 (c1)"]

    fixed = "# Drones\n\nOvernight, " + FIXED
    replace_all(client, uri, 2, text, fixed)
    assert await wait_for(client, uri) == []

    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    client.diagnostics.pop(uri, None)
    assert await wait_for(client, uri) == []


@pytest.mark.asyncio
async def test_utf16_ranges_after_astral_characters(client: LanguageClient, project: Path):
    text = "😀😀 " + BROKEN  # two characters outside the BMP: 4 UTF-16 units, 2 code points
    uri = open_doc(client, project / "emoji.txt", text, "plaintext")
    (diagnostic,) = await wait_for(client, uri, lambda d: len(d) == 1)
    prefix = BROKEN[: BROKEN.index("80%")]
    assert diagnostic.range.start.character == len(("😀😀 " + prefix).encode("utf-16-le")) // 2


@pytest.mark.asyncio
async def test_hover_shows_claim_relations_and_arithmetic(client: LanguageClient, project: Path):
    uri = open_doc(client, project / "story.md", BROKEN)
    await wait_for(client, uri, lambda d: len(d) == 1)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=15)))
    assert hover is not None
    value = hover.contents.value
    assert "**84**" in value and "unit: count" in value and "counted noun: drone" in value
    assert "qualifier: as stated (eq)" in value and "stands for: 83.5 to 84.5" in value
    assert "part of whole (as part" in value and "84 of 112 is 75.0%" in value
    assert "percent of (as part" in value and "the text gives 80%" in value
    assert "percent-of-count" in value
    assert hover.range.start.character == 14 and hover.range.end.character == 16
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=2)))
    assert nothing is None


async def actions_for(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    return list(result or [])


@pytest.mark.asyncio
@pytest.mark.parametrize("choice", ["here", "in this file"])
async def test_markdown_code_actions_silence_the_finding(client: LanguageClient, project: Path, choice: str):
    text = "---\ntitle: Drones\n---\n\nIntro line.\n\n" + BROKEN
    uri = open_doc(client, project / "story.md", text)
    (diagnostic,) = await wait_for(client, uri, lambda d: len(d) == 1)
    actions = await actions_for(client, uri, diagnostic)
    assert [a.title for a in actions] == ["Ignore percent-of-count here", "Ignore percent-of-count in this file"]
    action = next(a for a in actions if a.title.endswith(choice))
    (edit,) = action.edit.changes[uri]
    new = apply(text, edit)
    if choice == "here":
        assert new.endswith("<!-- numcheck: ignore[percent-of-count] -->\n" + BROKEN)
    else:
        assert new.startswith("---\ntitle: Drones\n---\n<!-- numcheck-disable percent-of-count -->\n")
    replace_all(client, uri, 2, text, new)
    assert await wait_for(client, uri) == []


@pytest.mark.asyncio
async def test_html_document_gets_html_comments(client: LanguageClient, project: Path):
    text = "<html><body>\n<h1>Drones</h1>\n\n<p>" + BROKEN.rstrip("\n") + "</p>\n</body></html>\n"
    uri = open_doc(client, project / "story.html", text, "html")
    (diagnostic,) = await wait_for(client, uri, lambda d: len(d) == 1)
    assert diagnostic.code == "percent-of-count"
    line = text.split("\n")[diagnostic.range.start.line]
    assert line[diagnostic.range.start.character:diagnostic.range.end.character] == "80%"
    actions = await actions_for(client, uri, diagnostic)
    here = apply(text, actions[0].edit.changes[uri][0])
    assert "\n<!-- numcheck: ignore[percent-of-count] -->\n<p>The army" in here
    replace_all(client, uri, 2, text, here)
    assert await wait_for(client, uri) == []


@pytest.mark.asyncio
async def test_a_suppression_naming_no_rule_is_a_warning_on_the_comment(client: LanguageClient, project: Path):
    text = "Intro.\n\n<!-- numcheck: ignore[percent-of-cuont] -->\n" + BROKEN
    uri = open_doc(client, project / "story.md", text)
    found = await wait_for(client, uri, lambda d: len(d) == 2)
    warning = next(d for d in found if d.code == "suppression")
    assert warning.severity == types.DiagnosticSeverity.Warning
    assert "unknown rule id 'percent-of-cuont'" in warning.message
    assert (warning.range.start.line, warning.range.start.character) == (2, 0)
    assert warning.range.end.character == len("<!-- numcheck: ignore[percent-of-cuont] -->")
    assert await actions_for(client, uri, warning) == []


@pytest.mark.asyncio
async def test_plain_text_gets_the_end_of_line_marker_only(client: LanguageClient, project: Path):
    text = BROKEN + "Another line.\n"
    uri = open_doc(client, project / "story.txt", text, "plaintext")
    (diagnostic,) = await wait_for(client, uri, lambda d: len(d) == 1)
    actions = await actions_for(client, uri, diagnostic)
    assert [a.title for a in actions] == ["Ignore percent-of-count here"]
    new = apply(text, actions[0].edit.changes[uri][0])
    assert new == BROKEN.rstrip("\n") + "  numcheck: ignore[percent-of-count]\nAnother line.\n"
    replace_all(client, uri, 2, text, new)
    assert await wait_for(client, uri) == []


@pytest.mark.asyncio
async def test_config_change_is_picked_up_by_mtime(client: LanguageClient, project: Path):
    uri = open_doc(client, project / "story.md", BROKEN)
    await wait_for(client, uri, lambda d: len(d) == 1)
    (project / ".numcheck.yaml").write_text("disable: [percent-of-count]\n", encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert await wait_for(client, uri) == []
    (project / "desk" / "drafts").mkdir(parents=True)  # a sub-folder is governed by the same config
    nested = open_doc(client, project / "desk" / "drafts" / "draft.md", BROKEN)
    assert await wait_for(client, nested) == []
    (project / ".numcheck.yaml").write_text("severity: {percent-of-count: info}\n", encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    (diagnostic,) = await wait_for(client, uri, lambda d: len(d) == 1)
    assert diagnostic.severity == types.DiagnosticSeverity.Information


@pytest.mark.asyncio
async def test_config_change_is_picked_up_through_watched_files(watching_client: LanguageClient, project: Path):
    client = watching_client
    uri = open_doc(client, project / "story.md", BROKEN)
    await wait_for(client, uri, lambda d: len(d) == 1)
    (registration,) = client.registered[0].registrations  # type: ignore[attr-defined]
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    config = project / "pyproject.toml"
    config.write_text("[tool.numcheck]\ndisable = ['percent_of']\n", encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    assert await wait_for(client, uri) == []


@pytest.mark.asyncio
async def test_broken_rule_file_is_a_diagnostic_on_that_file(client: LanguageClient, project: Path):
    (project / ".numcheck.yaml").write_text("rules: [house.yaml]\n", encoding="utf-8")
    house = project / "house.yaml"
    house.write_text("pack: house\nrules:\n  - id: big-crowd\n    check: rnage\n    severity: error\n"
                     "    message: too big\n", encoding="utf-8")
    uri = open_doc(client, project / "story.md", BROKEN)
    (note,) = await wait_for(client, uri, lambda d: len(d) == 1)
    assert note.code == "not-checked" and "house.yaml:4" in note.message
    (problem,) = await wait_for(client, house.as_uri(), lambda d: len(d) == 1)
    assert problem.range.start.line == 3 and "unknown check 'rnage'" in problem.message

    house.write_text("pack: house\nrules:\n  - id: big-crowd\n    check: range\n    severity: error\n"
                     "    message: too big\n    where: {noun: [drone]}\n    max: 50\n", encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    found = await wait_for(client, uri, lambda d: len(d) == 3)
    assert sorted(d.code for d in found) == ["big-crowd", "big-crowd", "percent-of-count"]
    assert await wait_for(client, house.as_uri()) == []


@pytest.mark.asyncio
async def test_broken_config_is_a_diagnostic_at_its_line(client: LanguageClient, project: Path):
    (project / ".numcheck.yaml").write_text("disable: [percent-of-count]\nfail_on: warning\n", encoding="utf-8")
    uri = open_doc(client, project / "story.md", BROKEN)
    await wait_for(client, uri, lambda d: len(d) == 1 and d[0].code == "not-checked")
    (problem,) = await wait_for(client, (project / ".numcheck.yaml").as_uri(), lambda d: len(d) == 1)
    assert problem.range.start.line == 1 and "unknown key 'fail_on'" in problem.message


@pytest.mark.asyncio
async def test_bad_messages_get_errors_and_the_server_keeps_serving(client: LanguageClient, project: Path,
                                                                    tmp_path_factory: pytest.TempPathFactory):
    uri = open_doc(client, project / "story.md", BROKEN)
    await wait_for(client, uri, lambda d: len(d) == 1)
    with pytest.raises(Exception, match=r"(?i)method"):
        await client.protocol.send_request_async("numcheck/noSuchMethod", {})
    # A change whose range lies far past the end of the document.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=99, character=5), end=types.Position(line=120, character=0)),
            text="x")]))
    # Code actions and hovers at positions that do not exist.
    far = types.Range(start=types.Position(line=500, character=0), end=types.Position(line=500, character=3))
    bogus = types.Diagnostic(range=far, message="x", source="numcheck", code="percent-of-count")
    await actions_for(client, uri, bogus)
    await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=500, character=9)))
    # A document outside the workspace, and one that was never saved, are checked all the same.
    outside = tmp_path_factory.mktemp("elsewhere") / "other.md"
    outside_uri = open_doc(client, outside, BROKEN)
    assert (await wait_for(client, outside_uri, lambda d: len(d) == 1))[0].code == "percent-of-count"
    client.diagnostics.pop("untitled:Untitled-1", None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri="untitled:Untitled-1", language_id="markdown", version=1, text=BROKEN)))
    assert len(await wait_for(client, "untitled:Untitled-1", lambda d: len(d) == 1)) == 1
    # Still serving: a fresh document is checked.
    fresh = open_doc(client, project / "fresh.md", BROKEN)
    assert len(await wait_for(client, fresh, lambda d: len(d) == 1)) == 1


@pytest.mark.asyncio
async def test_oversized_document_is_one_diagnostic(client: LanguageClient, project: Path):
    (project / ".numcheck.yaml").write_text("max-bytes: 1000\n", encoding="utf-8")
    uri = open_doc(client, project / "big.md", BROKEN * 40)
    (note,) = await wait_for(client, uri, lambda d: len(d) == 1)
    assert note.code == "not-checked" and "over the limit of 1000 bytes" in note.message


@pytest.mark.asyncio
async def test_a_long_check_does_not_stop_the_server_answering(client: LanguageClient, project: Path):
    small = open_doc(client, project / "small.md", BROKEN)
    await wait_for(client, small, lambda d: len(d) == 1)
    slow = BROKEN * 1000  # about 55 KB of figures: a second or more of checking
    slow_uri = open_doc(client, project / "slow.md", slow)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=small), position=types.Position(line=0, character=15)))
    assert hover is not None and "84 of 112 is 75.0%" in hover.contents.value
    assert slow_uri not in client.diagnostics  # answered while the long check was still running
    found = await wait_for(client, slow_uri, lambda d: len(d) >= 1000, timeout=120)
    assert {d.code for d in found} == {"percent-of-count"}
