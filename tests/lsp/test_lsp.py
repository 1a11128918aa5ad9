"""`kader lsp` end to end with a real LSP client (pytest-lsp, on pygls).

Each test copies the bundled plan into a fresh workspace, starts `kader lsp` as an editor
would (KADER_BIN, else target/debug/kader) and talks to it over stdio. The client's
capabilities are Neovim 0.7's as pytest-lsp records them (push diagnostics), or those with
pull diagnostics added (LSP 3.17, as newer clients have).
"""

import asyncio
import contextlib
import json
import os
import pathlib
import shutil
import subprocess

import pytest
from lsprotocol import types
from pytest_lsp import ClientServerConfig, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
KADER = os.environ.get("KADER_BIN") or str(ROOT / "target" / "debug" / "kader")
PLAN = ROOT / "fixtures" / "jaarplan-2026-2027"
TODAY = "2026-06-01"
ENV = {"KADER_TODAY": TODAY, "PATH": os.environ.get("PATH", ""), "NO_COLOR": "1"}


@pytest.fixture
def workspace(tmp_path):
    for f in PLAN.iterdir():
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


@contextlib.asynccontextmanager
async def session(workspace, pull=False, utf8=False, watch=False):
    config = ClientServerConfig(server_command=[KADER, "lsp"], server_env=ENV)
    client = await config.start()
    caps = client_capabilities("neovim@v0.7.0")
    if pull:
        caps.text_document.diagnostic = types.DiagnosticClientCapabilities(dynamic_registration=False)
        caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    if utf8:
        caps.general = types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf8])
    if watch:
        caps.workspace.did_change_watched_files = types.DidChangeWatchedFilesClientCapabilities(
            dynamic_registration=True
        )
    uri = workspace.as_uri()
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            root_uri=uri,
            workspace_folders=[types.WorkspaceFolder(uri=uri, name="plan")],
        )
    )
    client.init_result = result
    try:
        yield client
    finally:
        await client.shutdown_session()
        client.exit_code = client._server.returncode if client._server else None


def uri(workspace, name):
    return (workspace / name).as_uri()


def text(workspace, name):
    return (workspace / name).read_text(encoding="utf-8")


def open_doc(client, workspace, name, content=None, version=1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri(workspace, name),
                language_id="markdown",
                version=version,
                text=content if content is not None else text(workspace, name),
            )
        )
    )


def change_doc(client, workspace, name, content, version):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri(workspace, name), version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=content)],
        )
    )


async def diagnostics_where(client, workspace, name, predicate, timeout=10.0):
    """Wait until the pushed diagnostics of `name` satisfy `predicate`."""
    key = uri(workspace, name)

    async def wait():
        while not (key in client.diagnostics and predicate(client.diagnostics[key])):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[key]

    return await asyncio.wait_for(wait(), timeout)


def rules(diags):
    return sorted(d.code for d in diags)


def offset(content, pos):
    lines = content.split("\n")
    return sum(len(l) + 1 for l in lines[: pos.line]) + pos.character


def apply(content, edits):
    """Apply LSP text edits (all within the BMP, so UTF-16 units are Python characters)."""
    spans = sorted(((offset(content, e.range.start), offset(content, e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        content = content[:start] + new + content[end:]
    return content


def cli_json(workspace):
    run = subprocess.run(
        [KADER, "check", "--format", "json", "."],
        cwd=workspace,
        env=ENV,
        capture_output=True,
        text=True,
    )
    return json.loads(run.stdout)


async def pull(client, workspace, name):
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri(workspace, name)))
    )
    return report.items


async def actions(client, workspace, name, diag, only=None):
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(workspace, name)),
            range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag], only=only),
        )
    )


def edits_of(action, workspace, name):
    return action.edit.changes[uri(workspace, name)]


# --- diagnostics ---------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_pushed_diagnostics_are_the_findings_of_kader_check(workspace):
    """Every file: the same rules at the same lines and columns as `kader check --format json`."""
    expected = {}
    for d in cli_json(workspace)["diagnostics"]:
        if d["file"] is not None:
            start = d["range"]["start"]
            expected.setdefault(d["file"], []).append((d["rule"], start["line"] - 1, start["column"] - 1))
    async with session(workspace) as client:
        for name, wanted in expected.items():
            got = await diagnostics_where(client, workspace, name, lambda ds: True)
            got = [(d.code, d.range.start.line, d.range.start.character) for d in got]
            # Plan-wide findings (no file in JSON) are shown at line 1 of the first draft.
            got = [g for g in got if g[0] != "beleid-dekking"]
            assert sorted(got) == sorted(wanted), name
        first = await diagnostics_where(client, workspace, "team-inwoner.md", lambda ds: True)
        assert rules(first).count("beleid-dekking") == 3
    assert client.exit_code == 0, "exit after shutdown is status 0"


@pytest.mark.asyncio
async def test_an_edit_is_diagnosed_again(workspace):
    async with session(workspace) as client:
        name = "team-spoedzorg.md"
        open_doc(client, workspace, name)
        diags = await diagnostics_where(client, workspace, name, lambda ds: "actie-kop-scheiding" in rules(ds))
        heading = next(d for d in diags if d.code == "actie-kop-scheiding")
        assert heading.severity == types.DiagnosticSeverity.Warning
        assert heading.source == "kader"
        edited = text(workspace, name).replace("- **Eigenaar:** Teamleider triagisten (huisartsenspoedpost), namens de directie\n", "")
        change_doc(client, workspace, name, edited, 2)
        diags = await diagnostics_where(client, workspace, name, lambda ds: "actie-eigenaar" in rules(ds))
        owner = next(d for d in diags if d.code == "actie-eigenaar")
        assert owner.severity == types.DiagnosticSeverity.Error
        assert "SZ-02" in owner.message and "hulp:" in owner.message
        # The finding points at the action heading.
        assert owner.range.start.line == edited.split("\n").index("### Actie SZ-02 Aansluiten bij het ZCC en optimaliseren crisismanagement")


@pytest.mark.asyncio
async def test_pulled_diagnostics_follow_the_buffer(workspace):
    async with session(workspace, pull=True) as client:
        caps = client.init_result.capabilities
        assert caps.diagnostic_provider is not None and caps.diagnostic_provider.inter_file_dependencies
        name = "team-spoedzorg.md"
        open_doc(client, workspace, name)
        items = await pull(client, workspace, name)
        assert "actie-kop-scheiding" in rules(items)
        fixed = text(workspace, name).replace("### Actie SZ-02 Aansluiten", "### Actie SZ-02: Aansluiten")
        change_doc(client, workspace, name, fixed, 2)
        items = await pull(client, workspace, name)
        assert "actie-kop-scheiding" not in rules(items)
        # A client that pulls gets nothing pushed (it would show every finding twice).
        await asyncio.sleep(0.4)
        assert client.diagnostics == {}


@pytest.mark.asyncio
async def test_a_duplicate_id_in_another_buffer_is_reported_live(workspace):
    async with session(workspace) as client:
        # After team-spoedzorg.md in the plan's order, so this is the second occurrence.
        new = "team-zuid.md"
        content = (
            "# Team Nieuw\n\n### Actie SZ-01: Nog een zelftriage\n\n"
            "- **Eigenaar:** Team Nieuw\n"
        )
        # Not on disk: only the editor has it.
        open_doc(client, workspace, new, content)
        diags = await diagnostics_where(client, workspace, new, lambda ds: "actie-id-uniek" in rules(ds))
        dup = next(d for d in diags if d.code == "actie-id-uniek")
        assert dup.range.start.line == 2
        first = dup.related_information[0]
        assert first.location.uri == uri(workspace, "team-spoedzorg.md")
        assert first.location.range.start.line == 12


@pytest.mark.asyncio
async def test_utf8_positions_when_the_client_offers_them(workspace):
    async with session(workspace, utf8=True) as client:
        assert client.init_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
        name = "team-é.md"
        content = "# Team\n\n### Actie TÉ-01: Één\n\n- **Eigenaar:** ‘Zoë’ PM\n"
        open_doc(client, workspace, name, content)
        diags = await diagnostics_where(client, workspace, name, lambda ds: "placeholder" in rules(ds) or "actie-eigenaar" in rules(ds))
        d = next(d for d in diags if d.range.start.line == 4)
        line = content.split("\n")[4]
        assert d.range.start.character == len(line[: line.index("PM")].encode("utf-8"))


# --- code actions --------------------------------------------------------------------------


async def fix_with(client, workspace, name, rule, pick=None, version=2):
    """Ask for the quick fixes of the first `rule` finding, apply one, return the new text."""
    open_doc(client, workspace, name)
    diags = await diagnostics_where(client, workspace, name, lambda ds: rule in rules(ds))
    diag = next(d for d in diags if d.code == rule)
    found = await actions(client, workspace, name, diag)
    ours = [a for a in found if a.diagnostics and a.diagnostics[0].code == rule]
    assert ours, f"no quick fix for {rule}"
    action = pick(ours) if pick else ours[0]
    assert action.kind == types.CodeActionKind.QuickFix
    new = apply(text(workspace, name), edits_of(action, workspace, name))
    change_doc(client, workspace, name, new, version)
    return action, new, diag


@pytest.mark.asyncio
async def test_take_over_the_register_title(workspace):
    async with session(workspace) as client:
        name = "team-praktijkondersteuning.md"
        action, new, _ = await fix_with(client, workspace, name, "beleidslijn-titel")
        assert action.is_preferred
        assert "- **Beleidslijn:** HA.TOE.1 De voordeur: telefonie, website en triagering\n" in new
        diags = await diagnostics_where(client, workspace, name, lambda ds: "beleidslijn-titel" not in rules(ds))
        assert "actie-iep" in rules(diags), "the other findings stay"


@pytest.mark.asyncio
async def test_put_the_colon_in_the_heading(workspace):
    async with session(workspace) as client:
        name = "team-spoedzorg.md"
        _, new, _ = await fix_with(client, workspace, name, "actie-kop-scheiding")
        assert "### Actie SZ-02: Aansluiten bij het ZCC" in new
        await diagnostics_where(client, workspace, name, lambda ds: "actie-kop-scheiding" not in rules(ds))


@pytest.mark.asyncio
async def test_replace_an_unknown_policy_and_iza_id_and_a_misspelt_field(workspace):
    name = "team-wijk.md"
    content = text(workspace, name).replace("- **IZA:** T5, O.GOW", "- **IZA:** T5, O.GWO")
    content = content.replace("- **Trekker:** Programmamanager ouderenzorg", "- **Trekkker:** Programmamanager ouderenzorg")
    (workspace / name).write_text(content, encoding="utf-8")
    async with session(workspace) as client:
        for rule, version in (("beleidslijn-bestaat", 2), ("iza-bestaat", 3), ("veld-onbekend", 4)):
            _, new, _ = await fix_with(client, workspace, name, rule, version=version)
            (workspace / name).write_text(new, encoding="utf-8")
            diags = await diagnostics_where(client, workspace, name, lambda ds: rule not in rules(ds))
            assert rule not in rules(diags)
        final = text(workspace, name)
        assert "O.GOW" in final and "**Trekker:**" in final


@pytest.mark.asyncio
async def test_insert_a_missing_field_in_the_drafts_own_form(workspace):
    name = "team-spoedzorg.md"
    owner = "- **Eigenaar:** Teamleider triagisten (huisartsenspoedpost), namens de directie\n"
    (workspace / name).write_text(text(workspace, name).replace(owner, ""), encoding="utf-8")
    async with session(workspace) as client:
        action, new, diag = await fix_with(client, workspace, name, "actie-eigenaar", pick=lambda a: next(x for x in a if "Eigenaar" in x.title))
        assert not action.is_preferred, "a value a person fills in is no preferred fix"
        added = [l for l in new.split("\n") if l not in text(workspace, name).split("\n")]
        assert added == ["- **Eigenaar:** <eigenaar>"], added
        # After the action's last field line, before the next heading.
        assert new.index("- **Eigenaar:** <eigenaar>") > new.index("- **IEP:** Patiënten met een acute zorgvraag")
        # The field is there now: what is left is its placeholder, at the new line.
        diags = await diagnostics_where(
            client, workspace, name, lambda ds: all(d.range.start.line != diag.range.start.line for d in ds if d.code == "actie-eigenaar")
        )
        line = new.split("\n").index("- **Eigenaar:** <eigenaar>")
        assert any(d.range.start.line == line for d in diags), "the placeholder is pointed at"


@pytest.mark.asyncio
async def test_a_table_gets_a_column(workspace):
    name = "team-tabel.md"
    table = (
        "# Team Tabel\n\n"
        "| Actie | Beleidslijn | Tijdpad | Inzet | Resultaat | IEP |\n"
        "|---|---|---|---|---|---|\n"
        "| TB-01: Bellen | HA.TOE.1 | Q1 2026 | 0,2 fte | 50 inwoners minder in de wachtrij | n.v.t. — intern proces, geen direct effect op inwoners |\n"
        "| TB-02: Mailen | HA.TOE.1 | Q2 2026 | 0,1 fte | 30 mails per dag beantwoord | n.v.t. — intern proces, geen direct effect op inwoners |\n"
    )
    (workspace / name).write_text(table, encoding="utf-8")
    async with session(workspace) as client:
        _, new, _ = await fix_with(client, workspace, name, "actie-eigenaar", pick=lambda a: next(x for x in a if "Eigenaar" in x.title))
        lines = new.split("\n")
        assert lines[2].endswith("| IEP | Eigenaar |")
        assert lines[3].endswith("|---| --- |")
        assert lines[4].endswith("| <eigenaar> |")
        assert lines[5].endswith("|  |")
        diags = await diagnostics_where(client, workspace, name, lambda ds: any(d.code == "actie-eigenaar" and d.range.start.line == 4 and d.range.start.character > 100 for d in ds))
        assert diags


@pytest.mark.asyncio
async def test_a_waiver_applies_only_once_its_reason_is_written(workspace):
    async with session(workspace) as client:
        name = "team-praktijkondersteuning.md"
        _, new, _ = await fix_with(client, workspace, name, "actie-iep", pick=lambda a: next(x for x in a if "negeer" in x.title))
        assert '<!-- kader: negeer actie-iep "<reden>" -->' in new
        diags = await diagnostics_where(client, workspace, name, lambda ds: "waiver-reden" in rules(ds))
        iep = next(d for d in diags if d.code == "actie-iep")
        assert iep.severity == types.DiagnosticSeverity.Error, "not waived with a placeholder reason"
        reasoned = new.replace('"<reden>"', '"Wordt in de zomer met het team uitgewerkt"')
        change_doc(client, workspace, name, reasoned, 3)
        diags = await diagnostics_where(client, workspace, name, lambda ds: "waiver-reden" not in rules(ds))
        iep = next(d for d in diags if d.code == "actie-iep")
        assert iep.severity == types.DiagnosticSeverity.Hint
        assert "genegeerd: Wordt in de zomer" in iep.message


@pytest.mark.asyncio
async def test_fix_all_is_exactly_kader_fix(workspace, tmp_path_factory):
    other = tmp_path_factory.mktemp("cli")
    for f in PLAN.iterdir():
        shutil.copy(f, other / f.name)
    subprocess.run([KADER, "fix", "."], cwd=other, env=ENV, capture_output=True)
    async with session(workspace) as client:
        for name in ("team-spoedzorg.md", "team-praktijkondersteuning.md", "team-wijk.md"):
            open_doc(client, workspace, name)
            await diagnostics_where(client, workspace, name, lambda ds: True)
            end = len(text(workspace, name).split("\n"))
            found = await client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri(workspace, name)),
                    range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=end, character=0)),
                    context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
                )
            )
            fixed = text(workspace, name)
            if found:
                (fix_all,) = found
                assert fix_all.kind == "source.fixAll.kader"
                fixed = apply(fixed, edits_of(fix_all, workspace, name))
            assert fixed == text(other, name), name


# --- settings ------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_changed_kader_toml_takes_effect(workspace):
    async with session(workspace, watch=True) as client:
        name = "team-praktijkondersteuning.md"
        open_doc(client, workspace, name)
        diags = await diagnostics_where(client, workspace, name, lambda ds: "beleidslijn-titel" in rules(ds))
        assert next(d for d in diags if d.code == "beleidslijn-titel").severity == types.DiagnosticSeverity.Warning
        (workspace / "kader.toml").write_text('[ernst]\nbeleidslijn-titel = "fout"\n', encoding="utf-8")
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=uri(workspace, "kader.toml"), type=types.FileChangeType.Created)]
            )
        )
        diags = await diagnostics_where(
            client,
            workspace,
            name,
            lambda ds: any(d.code == "beleidslijn-titel" and d.severity == types.DiagnosticSeverity.Error for d in ds),
        )
        # A broken kader.toml is shown in kader.toml itself.
        (workspace / "kader.toml").write_text('[ernst]\nbeleidslijn-titl = "fout"\n', encoding="utf-8")
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=uri(workspace, "kader.toml"), type=types.FileChangeType.Changed)]
            )
        )
        broken = await diagnostics_where(
            client, workspace, "kader.toml", lambda ds: any("beleidslijn-titl" in d.message for d in ds)
        )
        (problem,) = broken
        assert problem.range.start.line == 1
        assert "beleidslijn-titel" in problem.message, "did you mean"
        # The drafts are not checked with a broken kader.toml, and say so.
        diags = await diagnostics_where(client, workspace, name, lambda ds: "beleidslijn-titel" not in rules(ds))
        assert "kader.toml" in diags[0].message


@pytest.mark.asyncio
async def test_an_open_kader_toml_counts_as_typed(workspace):
    async with session(workspace) as client:
        name = "team-praktijkondersteuning.md"
        open_doc(client, workspace, name)
        await diagnostics_where(client, workspace, name, lambda ds: "beleidslijn-titel" in rules(ds))
        open_doc(client, workspace, "kader.toml", '[ernst]\nbeleidslijn-titel = "uit"\n')
        await diagnostics_where(client, workspace, name, lambda ds: "beleidslijn-titel" not in rules(ds))


# --- completion, hover, definition ---------------------------------------------------------


async def complete_at(client, workspace, name, content, line, character):
    open_doc(client, workspace, name, content)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri(workspace, name)),
            position=types.Position(line=line, character=character),
        )
    )
    return result if isinstance(result, list) else result.items


@pytest.mark.asyncio
async def test_completion(workspace):
    async with session(workspace) as client:
        draft = "# Team\n\n### Actie TC-01: Proef\n\n- **Beleidslijn:** HA.\n- **Afhankelijk van:** \n- **Ei\n<!-- kader: negeer actie-i\n- **IZA:** O.\n"
        lines = draft.split("\n")
        items = await complete_at(client, workspace, "team-c.md", draft, 4, len(lines[4]))
        toe = next(i for i in items if i.label == "HA.TOE.1")
        assert "De voordeur" in toe.detail
        assert toe.text_edit.new_text == "HA.TOE.1"
        assert toe.text_edit.range.start.character == len("- **Beleidslijn:** ")
        items = await complete_at(client, workspace, "team-c.md", draft, 5, len(lines[5]))
        labels = [i.label for i in items]
        assert "WK-02" in labels and "SZ-01" in labels and "TC-01" not in labels
        items = await complete_at(client, workspace, "team-c.md", draft, 6, len(lines[6]))
        owner = next(i for i in items if i.label == "Eigenaar")
        assert owner.text_edit.new_text == "Eigenaar:** "
        items = await complete_at(client, workspace, "team-c.md", draft, 7, len(lines[7]))
        assert "actie-iep" in [i.label for i in items]
        items = await complete_at(client, workspace, "team-c.md", draft, 8, len(lines[8]))
        assert any(i.label.startswith("O.") for i in items) and not any(i.label.startswith("HA.") for i in items)


@pytest.mark.asyncio
async def test_hover_and_definition(workspace):
    async with session(workspace) as client:
        name = "team-wijk.md"
        content = text(workspace, name) + '\n<!-- kader: negeer actie-iep "Volgt na de zomer met het team" -->\n'
        open_doc(client, workspace, name, content)
        lines = content.split("\n")

        async def hover(line, needle):
            h = await client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri(workspace, name)),
                    position=types.Position(line=line, character=lines[line].index(needle) + 1),
                )
            )
            return h.contents.value

        policy = next(i for i, l in enumerate(lines) if l.startswith("- **Beleidslijn:** WK.HWV.2"))
        md = await hover(policy, "WK.HWV.2")
        assert "**WK.HWV.2**" in md and "beleidsplan-2026-2027.toml" in md
        dep = next(i for i, l in enumerate(lines) if l.startswith("- **Afhankelijk van:** WK-02"))
        md = await hover(dep, "WK-02")
        assert "**WK-02**" in md and "voorjaar 2026" in md
        waiver = len(lines) - 2
        md = await hover(waiver, "actie-iep")
        assert "**actie-iep**" in md and "IEP" in md
        loc = await client.text_document_definition_async(
            types.DefinitionParams(
                text_document=types.TextDocumentIdentifier(uri=uri(workspace, name)),
                position=types.Position(line=dep, character=lines[dep].index("WK-02") + 2),
            )
        )
        assert loc.uri == uri(workspace, name)
        assert lines[loc.range.start.line].startswith("### Actie WK-02")


@pytest.mark.asyncio
async def test_the_baseline_and_taal_of_kader_toml_apply(workspace):
    (workspace / "kader.toml").write_text('taal = "en"\n', encoding="utf-8")
    run = subprocess.run([KADER, "baseline", "team-spoedzorg.md"], cwd=workspace, env=ENV, capture_output=True, text=True)
    assert (workspace / "kader-baseline.toml").exists(), run.stderr
    async with session(workspace) as client:
        # Every finding of team-spoedzorg.md is in the baseline: none is shown, as in kader check.
        spoed = await diagnostics_where(client, workspace, "team-spoedzorg.md", lambda ds: True)
        assert list(spoed) == []
        wijk = await diagnostics_where(client, workspace, "team-wijk.md", lambda ds: len(ds) > 0)
        dup = next(d for d in wijk if d.code == "actie-id-uniek")
        assert dup.message.startswith("Action ID IW-02"), "taal = \"en\""


@pytest.mark.asyncio
async def test_a_broken_rule_file_is_shown_in_that_file(workspace):
    # The bundled rule set as a repository keeps it, with one mistake in it.
    rules_dir = workspace / "regels"
    rules_dir.mkdir()
    for f in (ROOT / "rules").glob("*.kader"):
        shutil.copy(f, rules_dir / f.name)
    for f in (ROOT / "rules").glob("*.toml"):
        shutil.copy(f, rules_dir / f.name)
    good = (rules_dir / "jaarplan-2026-2027.kader").read_text(encoding="utf-8")
    bad = good.replace("eis eigenaar ingevuld\n", "eis eigenaar ingevuldd\n", 1)
    assert bad != good
    (rules_dir / "jaarplan-2026-2027.kader").write_text(bad, encoding="utf-8")
    (workspace / "kader.toml").write_text('regels = "regels/jaarplan-2026-2027.kader"\n', encoding="utf-8")
    line = bad.split("\n").index("  eis eigenaar ingevuldd")
    async with session(workspace) as client:
        broken = await diagnostics_where(client, workspace, "regels/jaarplan-2026-2027.kader", lambda ds: len(ds) > 0)
        assert [d.range.start.line for d in broken] == [line], broken
        assert "ingevuld" in broken[0].message, "did you mean"
        open_doc(client, workspace, "team-wijk.md")
        draft = await diagnostics_where(client, workspace, "team-wijk.md", lambda ds: len(ds) == 1)
        assert draft[0].severity == types.DiagnosticSeverity.Error and draft[0].code is None
        # Repaired in the editor, before it is saved: the plan is checked again.
        open_doc(client, workspace, "regels/jaarplan-2026-2027.kader", good)
        await diagnostics_where(client, workspace, "regels/jaarplan-2026-2027.kader", lambda ds: len(ds) == 0)
        await diagnostics_where(client, workspace, "team-wijk.md", lambda ds: "actie-id-uniek" in rules(ds))


@pytest.mark.asyncio
async def test_a_draft_changed_on_disk_is_read_again(workspace):
    async with session(workspace, watch=True) as client:
        name = "team-spoedzorg.md"
        await diagnostics_where(client, workspace, name, lambda ds: "actie-kop-scheiding" in rules(ds))
        # Not open in the editor: another program (git checkout, kader fix) changed it.
        subprocess.run([KADER, "fix", name], cwd=workspace, env=ENV, capture_output=True)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=uri(workspace, name), type=types.FileChangeType.Changed)]
            )
        )
        await diagnostics_where(client, workspace, name, lambda ds: "actie-kop-scheiding" not in rules(ds))
        (workspace / name).unlink()
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=uri(workspace, name), type=types.FileChangeType.Deleted)]
            )
        )
        # Gone from the plan: its findings are cleared.
        await diagnostics_where(client, workspace, name, lambda ds: len(ds) == 0)
