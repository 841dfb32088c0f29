"""The shipped CI templates run as the runners run them: honest branches keep their exit statuses, and the
attacks of a candidate with push access on CI mode (issue #12) fail, each class run through the
templates (tests/ci/fake_runner.py executes their steps as the CI runners do), real git repositories, the
real CLI installed from a wheel of this tree and the real Docker sandbox. Each asserts: no candidate code
ran on the host (marker files), no bank byte in the reports, no write outside the report folder, and the
documented exit statuses and messages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import xmlschema
from ci_support import ATTENTION, SDPA_FILE, SDPA_ID, annotation_lines, clean_env, commit_all, git, grade, make_bank
from fake_runner import PullRequest, build_wheel, python_venv, run_github, run_gitlab, snapshot
from support import ROOT, leftover_containers

from grader.scrub import shown

pytestmark = pytest.mark.docker

SDPA = ATTENTION / "scaled_dot_product"
JUNIT_SCHEMA = xmlschema.XMLSchema(ROOT / "tests" / "data" / "junit-10.xsd")
# Modules and files Python would pick up from a working directory or script folder on sys.path, or from
# a site folder: a committed copy of any of them runs as soon as a step starts Python in the checkout.
HIJACKS = ("pip/__init__.py", "pip/__main__.py", "sandbox/__init__.py", "sandbox/image.py", "docker/__init__.py",
           "grader/__init__.py", "grader/__main__.py", "reports/__init__.py", "typer/__init__.py",
           "numpy/__init__.py", "yaml/__init__.py", "jsonschema/__init__.py", "sitecustomize.py",
           "usercustomize.py")
PTH = ("evil.pth", ".venv/lib/python3.11/site-packages/evil.pth",
       ".mlgrade-venv/lib/python3.11/site-packages/evil.pth")


@dataclass
class Forge:
    """A submission repository (made by `grade init`) on a bare origin, its bank, a wheel of this tree."""

    base: Path
    origin: Path
    work: Path
    bank: Path
    bank_repo: Path
    wheel: Path
    python_bin: Path
    markers: Path
    count: int = 0

    def payload(self, name: str) -> str:
        """Python that leaves a marker named NAME when it runs."""
        return f"import pathlib; pathlib.Path({str(self.markers)!r}, {name!r}).write_text('ran')\n"

    def pull_request(self, name: str, edit: Callable[[Path], None], base: str = "main") -> PullRequest:
        """A candidate's branch from BASE, committed and published as pull/merge request number N."""
        self.count += 1
        tree = self.base / "trees" / name
        git(self.work, "fetch", "--quiet", "origin")
        git(self.work, "worktree", "add", "--quiet", "--detach", str(tree), f"origin/{base}")
        edit(tree)
        commit_all(tree, name)
        head = git(tree, "rev-parse", "HEAD")
        for ref in (f"refs/pull/{self.count}/head", f"refs/merge-requests/{self.count}/head"):
            git(tree, "push", "--quiet", "origin", f"HEAD:{ref}")
        return PullRequest(self.origin, self.count, head, base)

    def home(self, name: str) -> Path:
        return self.base / "runners" / name

    def ran(self) -> list[str]:
        return sorted(p.name for p in self.markers.iterdir())


@pytest.fixture(scope="module")
def forge(tmp_path_factory: pytest.TempPathFactory, sandbox_image: str) -> Iterator[Forge]:
    base = tmp_path_factory.mktemp("attacks")
    assert grade("init", base / "init", "--from", SDPA, cwd=base).returncode == 0
    origin = base / "origin.git"
    git(base, "init", "--quiet", "--bare", str(origin))
    git(origin, "symbolic-ref", "HEAD", "refs/heads/main")
    git(base / "init", "push", "--quiet", str(origin), "main")
    git(base, "clone", "--quiet", str(origin), str(base / "work"))
    bank = make_bank(base / "bank", SDPA)
    bank_repo = base / "bank.git"
    git(bank, "init", "--quiet")
    commit_all(bank, "bank")
    git(base, "clone", "--quiet", "--bare", str(bank), str(bank_repo))
    markers = base / "markers"
    markers.mkdir()
    yield Forge(base, origin, base / "work", bank, bank_repo, build_wheel(base / "wheel"),
                python_venv(base / "python"), markers)
    assert leftover_containers() == []


def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode() if isinstance(text, str) else text)


def _correct(tree: Path) -> None:
    shutil.copyfile(SDPA / "private" / "reference.py", tree / SDPA_FILE)


def _wrong(tree: Path) -> None:
    shutil.copyfile(SDPA / "private" / "wrong" / "no_scaling.py", tree / SDPA_FILE)


def _plant(forge: Forge, tree: Path) -> None:
    """Every hijack file, each leaving its own marker (a .pth line starting with `import` is executed too)."""
    for name in (*HIJACKS, *PTH):
        _write(tree / name, forge.payload(name.replace("/", "_")))


def _hijack(forge: Forge) -> Callable[[Path], None]:
    def edit(tree: Path) -> None:
        _correct(tree)
        _plant(forge, tree)
    return edit


def _bank_bytes(bank: Path) -> list[bytes]:
    return [p.read_bytes() for p in bank.rglob("*") if p.is_file() and ".git" not in p.parts and p.stat().st_size >= 64]


def _assert_reports_clean(folder: Path, bank: Path) -> None:
    """Regular files only, none holding a bank file's content."""
    secrets = _bank_bytes(bank)
    assert secrets
    for path in folder.iterdir():
        assert path.is_file() and not path.is_symlink(), path
        data = path.read_bytes()
        assert not [s for s in secrets if s in data], f"{path} holds a bank file"


# --- class 1: the templates never run the candidate's Python ---------------------------------------------

def test_github_workflow_runs_no_candidate_code(forge: Forge) -> None:
    pr = forge.pull_request("hijack", _hijack(forge))
    run = run_github(forge.home("hijack"), pr, forge.bank, forge.python_bin, forge.wheel)
    assert forge.ran() == []
    for step in run.steps:
        assert step.kind != "skipped" and (step.returncode == 0 or "Grade" in step.name), (step.name, step.stderr)
    graded = run.step("Grade the changed exercises")
    assert graded.returncode == 1, graded.stdout + graded.stderr  # the added files are protected files
    assert "submission touched protected files" in graded.stdout and "  - pip/__main__.py" in graded.stdout
    report = run.temp / "mlgrade-report"
    assert run.uploaded == [report / name for name in ("report.html", "junit.xml", "summary.md", "results.json")]
    assert b'"verdict": "passed"' in (report / "results.json").read_bytes()
    assert not (run.workspace / "mlgrade-bank").exists()  # the always-run step deleted it
    assert git(run.workspace / "submission", "status", "--porcelain", "--ignored") == ""  # nothing written into it
    _assert_reports_clean(report, forge.bank)
    # Control: the same checkout does hijack a Python started in it the way the old templates did.
    done = subprocess.run([str(forge.python_bin / "python"), "-m", "pip", "--version"], cwd=run.workspace / "submission",
                          capture_output=True, text=True, env=clean_env())
    assert "pip___main__.py" in forge.ran(), done.stderr
    for marker in forge.markers.iterdir():
        marker.unlink()


@pytest.mark.parametrize(("name", "edit", "status"), [
    ("honest-correct", _correct, 0),
    ("honest-wrong", _wrong, 1),
    ("honest-protected", lambda t: (_correct(t), _write(t / "exercises" / SDPA_ID / "README.md", "easier\n")), 1),
])
def test_github_workflow_keeps_honest_exit_statuses(forge: Forge, name: str, edit: Callable[[Path], None],
                                                    status: int) -> None:
    pr = forge.pull_request(name, edit)
    run = run_github(forge.home(name), pr, forge.bank, forge.python_bin, forge.wheel)
    graded = run.step("Grade the changed exercises")
    assert graded.returncode == status, graded.stdout + graded.stderr
    assert "base: origin/main — the protected branch (--base-branch main, CI)" in graded.stdout
    summary = (run.temp / "step_summary").read_text()
    assert summary.startswith("## mlgrade CI check: " + {0: "✅ passed", 1: "❌ failed"}[status])
    assert run.step("Upload").kind == "actions/upload-artifact" and all(p.is_file() for p in run.uploaded)


RUNTIME_ERROR = "def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):\n    return q.nope\n"


def test_github_workflow_annotates_the_candidates_line(forge: Forge) -> None:
    pr = forge.pull_request("runtime", lambda t: _write(t / SDPA_FILE, RUNTIME_ERROR))
    run = run_github(forge.home("runtime"), pr, forge.bank, forge.python_bin, forge.wheel)
    graded = run.step("Grade the changed exercises")
    assert graded.returncode == 1, graded.stdout + graded.stderr
    lines = graded.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert len(token) == 32 and lines.count(f"::{token}::") == 1
    resumed = lines.index(f"::{token}::")
    found = annotation_lines(graded.stdout)
    assert found and all(lines.index(line) > resumed for line in found)  # commands are on again for them
    assert found[0].startswith(f"::error file={SDPA_FILE},line=2,title=mlgrade%3A {SDPA_ID}%3A runtime error::"
                               "AttributeError")
    assert json.loads((run.temp / "mlgrade-report" / "results.json").read_text())["exercises"][0]["verdict"] == \
        "runtime error"
    assert (run.temp / "step_summary").read_text().count("## mlgrade CI check: ❌ failed") == 1


def test_gitlab_job_runs_no_candidate_code(forge: Forge) -> None:
    pr = forge.pull_request("gitlab-hijack", _hijack(forge))

    def stale(project: Path) -> None:  # GIT_STRATEGY: none: what an earlier job (or anyone) left there
        _plant(forge, project)
        (project / "mlgrade-report").mkdir()
        (project / "mlgrade-report" / "report.html").symlink_to(forge.bank / SDPA_ID / "reference.py")

    run = run_gitlab(forge.base / "gitlab-hijack" / "builds", pr, forge.bank_repo, forge.wheel, stale)
    assert forge.ran() == []
    assert run.returncode == 1, run.stdout + run.stderr  # the added files are protected files
    assert "  - pip/__main__.py" in run.stdout
    report = run.project / "mlgrade-report"
    junit = (report / "junit.xml").read_text()
    JUNIT_SCHEMA.validate(junit)
    assert run.job["artifacts"]["reports"]["junit"] == "mlgrade-report/junit.xml"
    _assert_reports_clean(report, forge.bank)
    assert run.after_returncode == 0 and not (run.project / "mlgrade-bank").exists()
    assert git(run.project / "submission", "status", "--porcelain", "--ignored") == ""  # nothing written into it
    assert (run.project / ".mlgrade-venv" / "bin" / "grade").is_file()  # beside the checkout, not in it


def test_gitlab_job_passes_an_honest_branch(forge: Forge) -> None:
    pr = forge.pull_request("gitlab-correct", _correct)
    run = run_gitlab(forge.base / "gitlab-correct" / "builds", pr, forge.bank_repo, forge.wheel, lambda p: None)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "check passed (exit status 0)" in run.stdout


# --- class 2: report output never follows the candidate's links ------------------------------------------

def _links(forge: Forge) -> Callable[[Path], None]:
    def edit(tree: Path) -> None:
        _correct(tree)
        (tree / "mlgrade-report").mkdir()
        for name in ("report.html", "junit.xml", "summary.md", "results.json", ".mlgrade-owned"):
            (tree / "mlgrade-report" / name).symlink_to(f"../../mlgrade-bank/{SDPA_ID}/reference.py")
        (tree / "linked-report").symlink_to("../mlgrade-bank")
        git(tree, "add", "--force", "mlgrade-report")  # .gitignore lists it; a candidate commits it anyway
    return edit


def test_reports_never_follow_a_link(forge: Forge) -> None:
    pr = forge.pull_request("links", _links(forge))
    home = forge.home("links")
    run = run_github(home, pr, forge.bank, forge.python_bin, forge.wheel)
    graded = run.step("Grade the changed exercises")
    assert graded.returncode == 1, graded.stdout + graded.stderr  # committed links are protected files
    assert "  - mlgrade-report/report.html" in graded.stdout
    before, after = run.snapshots["Check out the private bank beside the submission (never inside it)"], \
        run.snapshots["Grade the changed exercises"]
    changed = {p for p in set(before) | set(after) if before.get(p) != after.get(p)}
    allowed = (str(run.temp / "mlgrade-report"), str(run.temp / "output-"), str(run.temp / "step_summary"),
               str(home / ".cache"))
    assert [p for p in changed if not p.startswith(allowed)] == []  # no write outside the report folder
    _assert_reports_clean(run.temp / "mlgrade-report", forge.bank)

    # The command itself, pointed at the candidate's links, refuses before grading and writes nothing.
    checkout, bank = run.workspace / "submission", forge.base / "links-bank"
    shutil.copytree(forge.bank, bank)
    (run.workspace / "mlgrade-bank").symlink_to(bank)
    state = snapshot(bank)
    for out, message in ((checkout / "mlgrade-report", "holds files mlgrade did not create"),
                         (checkout / "linked-report", "is a link or not a folder"),
                         (checkout / "linked-report" / "inner", "is a link or not a folder")):
        done = grade("ci", "--repo", checkout, "--bank", bank, "--out", out, cwd=forge.base,
                     env=clean_env(CI="true"))
        assert done.returncode == 2 and message in done.stderr, done.stdout + done.stderr
        assert "grading" not in done.stdout
    default = grade("ci", "--repo", checkout, "--bank", bank, cwd=forge.base, env=clean_env(CI="true"))
    assert default.returncode == 1, default.stdout + default.stderr  # the committed links are protected files
    _assert_reports_clean(run.workspace / "submission-mlgrade-report", bank)  # beside the checkout, not in it
    assert snapshot(bank) == state
    assert forge.ran() == []


def test_report_folder_is_reused_only_when_mlgrade_made_it(forge: Forge, tmp_path: Path) -> None:
    pr = forge.pull_request("rerun", _wrong)
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "--quiet", str(forge.origin), str(checkout))
    git(checkout, "fetch", "--quiet", "origin", f"refs/pull/{pr.number}/head")
    git(checkout, "checkout", "--quiet", "--detach", pr.head)
    out = tmp_path / "out"
    for _ in range(2):  # an earlier run's folder is taken over
        done = grade("ci", "--repo", checkout, "--bank", forge.bank, "--out", out, cwd=tmp_path)
        assert done.returncode == 1, done.stdout + done.stderr
    (out / "notes.txt").write_text("mine")
    done = grade("ci", "--repo", checkout, "--bank", forge.bank, "--out", out, cwd=tmp_path)
    assert done.returncode == 2 and "holds files mlgrade did not create ('notes.txt')" in done.stderr
    default = grade("ci", "--bank", forge.bank, cwd=checkout)
    assert default.returncode == 1 and (tmp_path / "checkout-mlgrade-report" / "junit.xml").is_file()


# --- class 3: a base the candidate cannot choose, ids that cannot leave the bank -------------------------

def _evil_base(forge: Forge) -> Callable[[Path], None]:
    def edit(tree: Path) -> None:
        spec = (tree / "exercises" / SDPA_ID / "exercise.toml").read_text()
        _write(tree / "exercises" / "evil" / "exercise.toml",
               spec.replace(f'id = "{SDPA_ID}"', 'id = "../submission/evil"'))
        _write(tree / "exercises" / "evil" / "solution.py", "")
        for name in ("cases.py", "reference.py", "checker.py"):
            _write(tree / "evil" / name, forge.payload(f"evil-{name}"))
        _write(tree / "evil" / "exercise.toml", (tree / "exercises" / "evil" / "exercise.toml").read_text())
    return edit


def test_a_candidate_made_base_is_refused(forge: Forge) -> None:
    base = forge.pull_request("evil-base", _evil_base(forge))
    git(forge.work, "push", "--quiet", "origin", f"{base.head}:refs/heads/evil-base")
    pr = forge.pull_request("evil-head", lambda t: _write(t / "exercises" / "evil" / "solution.py", "x = 1\n"),
                            base="evil-base")
    assert not run_github(forge.home("evil-untriggered"), pr, forge.bank, forge.python_bin, forge.wheel).triggered
    run = run_github(forge.home("evil"), pr, forge.bank, forge.python_bin, forge.wheel, force=True)
    graded = run.step("Grade the changed exercises")
    assert graded.returncode == 2
    assert ("this pull/merge request targets 'evil-base' ($GITHUB_BASE_REF); mlgrade grades only against the "
            "protected branch 'main'") in graded.stderr
    # Outside CI a base may be named, but the traversal id is refused before any bank path is used.
    checkout = run.workspace / "submission"
    (run.workspace / "mlgrade-bank").mkdir()
    shutil.copytree(forge.bank, run.workspace / "mlgrade-bank", dirs_exist_ok=True)
    done = grade("ci", "--repo", checkout, "--base", "origin/evil-base", "--bank", run.workspace / "mlgrade-bank",
                 "--out", forge.base / "evil-out", cwd=forge.base)
    assert done.returncode == 2
    assert "evil/exercise.toml: exercise id '../submission/evil' is not `family/name`" in done.stderr
    assert forge.ran() == []


# --- class 5: names from the branch are escaped everywhere -----------------------------------------------

ODD_NAMES = ("evil\x1b[31m\n::error::x.txt", "see @octocat www.evil.example $x^2$ <b>.txt")


def _odd_names(tree: Path) -> None:
    _wrong(tree)
    for name in ODD_NAMES:
        _write(tree / name, "x")
    (tree / os.fsdecode(b"caf\xe9.txt")).write_text("x")  # not UTF-8


def test_branch_names_are_escaped_everywhere(forge: Forge) -> None:
    pr = forge.pull_request("odd-names", _odd_names)
    run = run_github(forge.home("odd-names"), pr, forge.bank, forge.python_bin, forge.wheel)
    graded = run.step("Grade the changed exercises")
    assert graded.returncode == 1, graded.stdout + graded.stderr
    assert "\x1b" not in graded.stdout + graded.stderr
    lines = graded.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    commands = [line for line in lines[lines.index(f"::{token}::") + 1:] if line.startswith("::")]
    assert commands and all(line.startswith(("::error ", "::notice ")) for line in commands)
    report = run.temp / "mlgrade-report"
    document = json.loads((report / "results.json").read_text())
    expected = sorted([shown(name, None) for name in ODD_NAMES] + ["caf\\xe9.txt"])
    assert sorted(document["ci"]["protected_files"]) == expected
    junit = (report / "junit.xml").read_text()
    JUNIT_SCHEMA.validate(junit)
    failure = ET.fromstring(junit).findall("testsuite")[-1].find("testcase/failure")
    assert failure is not None and "caf\\xe9.txt" in (failure.text or "")
    summary = (report / "summary.md").read_text()
    assert "\x1b" not in summary
    assert "@\u200boctocat" in summary and "www\u200b.evil" in summary and "&#36;x^2&#36;" in summary
    assert "&lt;b&gt;" in summary and "caf\\\\xe9.txt" in summary
    assert summary in (run.temp / "step_summary").read_text()
