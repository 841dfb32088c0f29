"""Git plumbing for `grade ci` and `grade init`: every git call of the grader is in this module.

`grade ci` compares the submission (HEAD) with the merge-base of HEAD and a base ref, classifies the
changed paths into candidate files and protected files, reads the candidate's files from the commit
(never from the working tree, never through a link) and materializes the base revision, whose
exercises are the ones graded against.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import GitError
from ..scrub import shown

GIT_TIMEOUT = 120.0
_DROPPED_ENV = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE",
                "GIT_CEILING_DIRECTORIES", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_EXTERNAL_DIFF")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_LITERAL_PATHSPECS="1", GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    return env


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    """Run `git -C REPO ARGS…` and return the completed process (bytes); GitError when it fails."""
    command = ["git", "-C", str(repo), "-c", "core.quotePath=off", *args]
    try:
        done = subprocess.run(command, capture_output=True, env=_env(), timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (grade ci and grade init need it on PATH)") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"`git {' '.join(args)}` did not finish within {GIT_TIMEOUT:g} s") from None
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
        raise GitError(f"`git {' '.join(args)}` failed: {message}")
    return done


def _text(repo: Path, *args: str) -> str:
    return git(repo, *args).stdout.decode("utf-8", "surrogateescape").strip()


def repo_root(path: Path) -> Path:
    """The top of the git checkout holding PATH."""
    if not path.exists():
        raise GitError(f"{path} does not exist")
    done = git(path, "rev-parse", "--show-toplevel", check=False)
    if done.returncode != 0:
        raise GitError(f"{path.resolve()} is not inside a git checkout: run `grade ci` in a clone of the "
                       "submission repository (it compares the branch with its base)")
    return Path(done.stdout.decode("utf-8", "surrogateescape").strip())


def resolve(repo: Path, ref: str) -> str | None:
    """The commit REF names, or None when it names none."""
    if not ref or ref.startswith("-"):
        return None
    done = git(repo, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}", check=False)
    return done.stdout.decode().strip() if done.returncode == 0 else None


def is_shallow(repo: Path) -> bool:
    return _text(repo, "rev-parse", "--is-shallow-repository") == "true"


def head(repo: Path) -> str:
    sha = resolve(repo, "HEAD")
    if sha is None:
        raise GitError(f"{repo} has no commit yet: commit the submission first")
    return sha


@dataclass(frozen=True)
class Base:
    """The ref a submission is compared with, and why that one."""

    ref: str
    sha: str
    source: str


SHALLOW_HINT = ("the clone is shallow: fetch the full history (GitHub Actions: actions/checkout with "
                "`fetch-depth: 0`; GitLab CI: `GIT_DEPTH: 0`)")


CI_MARKERS = ("CI", "GITHUB_ACTIONS", "GITLAB_CI")
TARGET_VARIABLES = ("GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME")


def in_ci(env: Mapping[str, str]) -> bool:
    """Whether the environment is a CI job (GitHub Actions, GitLab CI and most others set CI=true)."""
    return any(env.get(name, "").strip().lower() not in ("", "0", "false") for name in CI_MARKERS)


def find_base(repo: Path, explicit: str | None, env: Mapping[str, str], protected: str = "main") -> Base:
    """The base ref. In CI only the protected branch PROTECTED is a base (a pull request's target branch is
    the candidate's choice); elsewhere --base when given, else the pull/merge request's target branch, else
    the repository's default branch: origin/HEAD, main, origin/main, master, origin/master."""
    if in_ci(env):
        return _protected_base(repo, explicit, env, protected)
    if explicit is not None:
        sha = resolve(repo, explicit)
        if sha is None:
            hint = f"; {SHALLOW_HINT}" if is_shallow(repo) else "; fetch it first (e.g. `git fetch origin main`)"
            raise GitError(f"--base {explicit!r} names no commit in {repo}{hint}")
        return Base(explicit, sha, "--base")
    for variable in ("GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"):
        branch = env.get(variable, "").strip()
        if branch:
            for ref in (f"origin/{branch}", branch):
                sha = resolve(repo, ref)
                if sha is not None:
                    return Base(ref, sha, f"the pull/merge request's target branch (${variable})")
    # The branch under test is never its own base (that would grade nothing and pass), unless it is
    # the default branch itself.
    current = git(repo, "symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.decode().strip()
    itself = {current, f"origin/{current}"} if current and current not in ("main", "master") else set()
    if resolve(repo, "refs/remotes/origin/HEAD") is not None:
        target = _text(repo, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
        sha = resolve(repo, target)
        if sha is not None and target not in itself:
            return Base(target, sha, "the repository's default branch (origin/HEAD)")
    for ref in ("main", "origin/main", "master", "origin/master"):
        sha = resolve(repo, ref)
        if sha is not None and ref not in itself:
            return Base(ref, sha, f"the default branch: no usable origin/HEAD, `{ref}` exists")
    raise GitError("cannot tell the base branch: no origin/HEAD, main, origin/main, master or origin/master "
                   "in this clone; pass --base REF" + (f" ({SHALLOW_HINT})" if is_shallow(repo) else ""))


def _protected_base(repo: Path, explicit: str | None, env: Mapping[str, str], protected: str) -> Base:
    names = (f"origin/{protected}", protected, f"refs/remotes/origin/{protected}", f"refs/heads/{protected}")
    if explicit is not None and explicit not in names:
        raise GitError(f"--base {shown(explicit)!r}: in CI the base is the protected branch {protected!r} "
                       f"(--base-branch), never another ref")
    for variable in TARGET_VARIABLES:
        target = env.get(variable, "").strip()
        if target and target != protected:
            raise GitError(f"this pull/merge request targets {shown(target)!r} (${variable}); mlgrade grades only "
                           f"against the protected branch {protected!r}: open it against {protected!r}")
    for ref in names[:2]:
        sha = resolve(repo, ref)
        if sha is not None:
            return Base(ref, sha, f"the protected branch (--base-branch {protected}, CI)")
    raise GitError(f"the protected branch {protected!r} is not in this clone (neither origin/{protected} nor "
                   f"{protected}); fetch it" + (f" ({SHALLOW_HINT})" if is_shallow(repo) else ""))


def merge_base(repo: Path, a: str, b: str) -> str:
    done = git(repo, "merge-base", a, b, check=False)
    if done.returncode != 0:
        hint = SHALLOW_HINT if is_shallow(repo) else "the branches share no history"
        raise GitError(f"no merge-base of HEAD and the base: {hint}")
    return done.stdout.decode().strip()


def changed_paths(repo: Path, old: str, new: str) -> list[str]:
    """Paths that differ between two commits (renames as a deletion and an addition), sorted."""
    out = git(repo, "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", old, new).stdout
    return sorted({p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p})


def modified_tracked(repo: Path) -> list[str]:
    """Tracked paths whose working-tree or index content differs from HEAD (untracked files ignored)."""
    out = git(repo, "status", "--porcelain", "-z", "--untracked-files=no").stdout
    return [entry[3:].decode("utf-8", "surrogateescape") for entry in out.split(b"\0") if len(entry) > 3]


def export_tree(repo: Path, commit: str, destination: Path) -> None:
    """Write the tree of COMMIT into DESTINATION (git archive | tar -x, with tarfile's data filter:
    no absolute paths, no links out of the folder, no device files)."""
    destination.mkdir(parents=True, exist_ok=True)
    command = ["git", "-C", str(repo), "archive", "--format=tar", commit]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env()) as process:
        assert process.stdout is not None
        try:
            with tarfile.open(fileobj=process.stdout, mode="r|") as archive:
                archive.extractall(destination, filter="data")
        except tarfile.TarError as exc:
            process.kill()
            raise GitError(f"cannot unpack the base revision {commit[:12]}: {exc}") from None
        stderr = process.stderr.read() if process.stderr is not None else b""
    if process.returncode != 0:
        raise GitError(f"`git archive {commit[:12]}` failed: {stderr.decode('utf-8', 'replace').strip()}")


@dataclass(frozen=True)
class Blob:
    """A file as committed: its bytes, or why it cannot be read as the candidate's file."""

    data: bytes | None
    problem: str = ""
    missing: bool = False


def read_file(repo: Path, commit: str, path: str, max_bytes: int) -> Blob:
    """The committed content of PATH at COMMIT, when at most MAX_BYTES. A symbolic link, submodule or
    folder is not read (a link could point at the private bank on the CI machine)."""
    listed = git(repo, "ls-tree", "-z", "--full-tree", commit, "--", path).stdout.split(b"\0")[0]
    if not listed:
        return Blob(None, f"no {path} in commit {commit[:12]}", missing=True)
    meta, _, _name = listed.partition(b"\t")
    mode, kind, obj = meta.decode().split()
    if kind != "blob" or mode not in ("100644", "100755"):
        what = {"120000": "a symbolic link", "160000": "a submodule"}.get(mode, "not a regular file")
        return Blob(None, f"{path} is {what} in commit {commit[:12]}; commit the file itself")
    size = int(_text(repo, "cat-file", "-s", obj))
    if size > max_bytes:
        return Blob(None, f"{path} is larger than the {max_bytes >> 10} KB a solution may have")
    return Blob(git(repo, "cat-file", "blob", obj).stdout)


@dataclass(frozen=True)
class Changes:
    """Changed paths split into the candidate's files and everything else (protected)."""

    candidate: list[str]
    protected: list[str]


def classify(changed: Iterable[str], candidate_paths: Iterable[str]) -> Changes:
    """Only the candidate files (each exercise's entrypoint file) may change; everything else —
    statements, specs, cases, references, CI configuration, new files — is protected."""
    allowed = set(candidate_paths)
    candidate: list[str] = []
    protected: list[str] = []
    for path in sorted(set(changed)):
        (candidate if path in allowed else protected).append(path)
    return Changes(candidate, protected)


def init_repository(directory: Path, message: str) -> str:
    """`git init` DIRECTORY on branch main and commit everything in it; returns the commit."""
    git(directory, "init", "--quiet")
    git(directory, "symbolic-ref", "HEAD", "refs/heads/main")
    git(directory, "add", "--all")
    identity: list[str] = []
    if git(directory, "config", "--get", "user.email", check=False).returncode != 0:
        identity = ["-c", "user.name=mlgrade", "-c", "user.email=mlgrade@localhost"]
    git(directory, *identity, "-c", "commit.gpgsign=false", "commit", "--quiet", "--no-verify", "-m", message)
    return head(directory)
