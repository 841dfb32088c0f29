"""docs/design.md stays the one place the repository's rules, documents and variables point to:
every rule cited is defined there, every document cited exists, every variable read is listed."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESIGN = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
TEXT_SUFFIXES = {".py", ".md", ".toml", ".yml", ".j2", ".json", ".css", ".txt", ""}


def _tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard"], capture_output=True,
                            text=True, check=True).stdout.split()
    paths = [ROOT / name for name in listed if Path(name).suffix in TEXT_SUFFIXES]
    return [p for p in paths if p.is_file() and not p.is_symlink() and "hostile/submissions" not in str(p)]


def test_every_rule_cited_is_defined_in_the_design_page() -> None:
    defined = set(re.findall(r"^\| \*\*(R\d)\*\*", DESIGN, flags=re.MULTILINE))
    assert defined == {f"R{n}" for n in range(1, 8)}
    for path in _tracked_text_files():
        cited = set(re.findall(r"\bR(\d)\b", path.read_text(encoding="utf-8", errors="replace")))
        assert {f"R{n}" for n in cited} <= defined, f"{path} cites an undefined rule"


def test_no_file_points_outside_the_repository() -> None:
    outside = re.compile(r"\.\./shared|shared/reference|DESIGN\.md|sandbox-security\.md|anchors\.md|design notes")
    for path in _tracked_text_files():
        if path == Path(__file__):
            continue
        found = outside.search(path.read_text(encoding="utf-8", errors="replace"))
        assert found is None, f"{path} points outside the repository: {found.group(0) if found else ''}"


def test_every_document_cited_exists() -> None:
    for path in _tracked_text_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for name in re.findall(r"\bdocs/([\w.-]+\.(?:md|json))", text):
            assert (ROOT / "docs" / name).is_file(), f"{path} cites docs/{name}"
        if path.suffix == ".md":
            for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
                if not target.startswith(("http://", "https://", "mailto:")):
                    assert (path.parent / target).exists(), f"{path} links to {target}"


def test_every_environment_variable_read_is_in_the_table() -> None:
    read: set[str] = set()
    for folder in ("grader", "sandbox", "reports"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            read |= set(re.findall(r"""["']((?:MLGRADE|XDG|GITHUB|CI)_[A-Z_]+)["']""", text))
    assert {"MLGRADE_BANK", "XDG_CACHE_HOME", "GITHUB_STEP_SUMMARY"} <= read
    missing = {name for name in read if f"`{name}`" not in DESIGN}
    assert not missing, f"docs/design.md does not list {sorted(missing)}"
