"""The README's install instructions, followed as written on a copy of the checkout.

numcheck is not on PyPI, so a user installs it from a checkout (``pip install .``), from the
repository with pip's VCS syntax (``pip install "numcheck @ git+URL@TAG"``), or from a wheel built
with ``python -m build``. Each path must produce a numcheck that finds its bundled rule packs
without the checkout beside it. The builds run without build isolation (setuptools and build come
with the test extra), so the tests need no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LEFT_OUT = shutil.ignore_patterns(".git", ".venv", "venv", "corpora", "build", "dist", "*.egg-info", "__pycache__",
                                  ".pytest_cache", ".ruff_cache", ".hypothesis")


def copy_of_checkout(tmp_path: Path) -> Path:
    """The checkout's files (symlinks kept: the top-level rules/ is one) without venvs or build output."""
    copy = tmp_path / "numcheck-src"
    shutil.copytree(REPO, copy, symlinks=True, ignore=LEFT_OUT)
    return copy


def run(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, f"{argv} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def source_packages(root: Path) -> set[str]:
    inits = (root / "numcheck").rglob("__init__.py")
    return {str(init.parent.relative_to(root)).replace(os.sep, ".") for init in inits}


def test_python_m_build_makes_an_sdist_and_a_wheel_with_every_package_and_the_rule_packs(tmp_path: Path) -> None:
    source = copy_of_checkout(tmp_path)
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", tmp_path / "dist", source, cwd=tmp_path)

    (sdist,) = (tmp_path / "dist").glob("numcheck-*.tar.gz")
    (wheel,) = (tmp_path / "dist").glob("numcheck-*-py3-none-any.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {name.rsplit("/", 1)[0].replace("/", ".") for name in names if name.endswith("/__init__.py")}
    assert source_packages(source) <= shipped, "a package of the checkout is missing from the wheel"
    for data in ("numcheck/py.typed", "numcheck/rules.schema.json", "numcheck/report.schema.json",
                 "numcheck/rules/core.yaml", "numcheck/rules/plausibility.yaml"):
        assert data in names
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "numcheck = numcheck.cli:main" in text and "numcheck = numcheck.pytest_plugin" in text
    assert sdist.stat().st_size > 0


def test_pip_vcs_install_from_a_tag_finds_its_bundled_rule_packs(tmp_path: Path) -> None:
    """``pip install "numcheck @ git+URL@v0.1.0"``: the README's second way, here from a local repository."""
    source = copy_of_checkout(tmp_path)
    git = ["git", "-c", "user.name=numcheck tests", "-c", "user.email=tests@example.invalid",
           "-c", "init.defaultBranch=main"]
    run(*git, "init", "-q", cwd=source)
    run(*git, "add", "-A", cwd=source)
    run(*git, "commit", "-q", "-m", "release", cwd=source)
    run(*git, "tag", "v0.1.0", cwd=source)
    target = tmp_path / "site"
    run(sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--target", target,
        # "file://localhost/...": older pips refuse a VCS URL with an empty host ("git+file:///...")
        f"numcheck @ git+file://localhost{source.as_posix()}@v0.1.0", cwd=tmp_path)

    elsewhere = tmp_path / "newsroom"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = run(sys.executable, "-c", "import numcheck; print(numcheck.__file__)", cwd=elsewhere, env=env)
    assert Path(where.stdout.strip()).is_relative_to(target)
    listed = run(sys.executable, "-m", "numcheck.cli", "rules", "list", cwd=elsewhere, env=env)
    assert "breakdown-sum" in listed.stdout and "countries-count" in listed.stdout
