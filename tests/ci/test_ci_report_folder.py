"""grader/files.py's report writing: a folder mlgrade owns, files created without following links."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.files import OwnedFolder, UnsafeFolder, write_unfollowed

NAMES = ("report.html", "junit.xml")


def test_a_new_folder_is_made_and_marked(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    with OwnedFolder(tmp_path / "a" / "b" / "out", NAMES, anchor=tmp_path / "a") as folder:
        folder.write("report.html", "<p>x</p>")
    assert sorted(p.name for p in (tmp_path / "a/b/out").iterdir()) == [".mlgrade-owned", "report.html"]
    with OwnedFolder(tmp_path / "a" / "b" / "out", NAMES) as folder:  # an earlier run's folder is taken over
        folder.write("report.html", "new")
    assert (tmp_path / "a/b/out/report.html").read_text() == "new"


def test_links_and_foreign_files_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("bank")
    tree = tmp_path / "tree"
    (tree / "real").mkdir(parents=True)
    (tree / "link").symlink_to(tmp_path)
    with pytest.raises(UnsafeFolder, match="is a link or not a folder"):
        OwnedFolder(tree / "link", NAMES, anchor=tree)
    with pytest.raises(UnsafeFolder, match="is a link or not a folder"):
        OwnedFolder(tree / "link" / "inner", NAMES, anchor=tree)  # a link on the way, under the anchor
    assert not (tmp_path / "inner").exists()
    forged = tree / "forged"
    forged.mkdir()
    (forged / ".mlgrade-owned").write_text("")
    (forged / "report.html").symlink_to(secret)
    with pytest.raises(UnsafeFolder, match="holds files mlgrade did not create"):
        OwnedFolder(forged, NAMES, anchor=tree)
    (tree / "real" / "notes.txt").write_text("mine")
    with pytest.raises(UnsafeFolder, match="'notes.txt'"):
        OwnedFolder(tree / "real", NAMES, anchor=tree)
    assert secret.read_text() == "bank" and (tree / "real" / "notes.txt").read_text() == "mine"


def test_a_file_is_never_written_through_a_link(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("bank")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "report.html").symlink_to(secret)
    write_unfollowed(tree / "report.html", "<p>report</p>", anchor=tree)
    assert secret.read_text() == "bank"
    assert not (tree / "report.html").is_symlink() and (tree / "report.html").read_text() == "<p>report</p>"
    (tree / "sub").symlink_to(tmp_path)
    with pytest.raises(UnsafeFolder):
        write_unfollowed(tree / "sub" / "report.html", "x", anchor=tree)
    assert not (tmp_path / "report.html").exists()
    with OwnedFolder(tree / "out", NAMES) as folder, pytest.raises(ValueError):
        folder.write("../escape.html", "x")
