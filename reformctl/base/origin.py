"""Where the running reformctl comes from: the version, and the install it was made from.

pip records how it installed a package in the ``direct_url.json`` of its metadata (PEP 610): a git URL and the
commit (``vcs_info``), a local folder (``dir_info``, maybe editable) or an archive (``archive_info``); a package
installed from an index has no such file. When the code that runs is not the installed package at all (a source
checkout on ``PYTHONPATH``, or an editable install of another folder), the checkout is described instead.

``reformctl --version`` shows it, and ``reformctl init`` writes into the CI files the spec this install can be
reproduced from, never a guess: when there is none (a local folder, a local archive), it asks for one.
It reads the commit of a checkout from the repository's files (no git process, nothing heavy imported:
``--version`` must stay instant).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import __version__

PACKAGE = "reformctl"
_HERE = Path(__file__).resolve().parent.parent  # the running package's folder (reformctl/)


@dataclass(frozen=True)
class Origin:
    """How the running reformctl was installed.

    ``kind``: ``vcs`` (pip install git+URL@REV), ``archive`` (a wheel or sdist by URL or file), ``dir`` (a local
    folder, ``editable`` when pip install -e), ``index`` (from a package index), ``source`` (not installed: the
    code runs from a folder on the import path)."""

    kind: str
    version: str = __version__
    url: str = ""  # the URL pip was given (vcs, archive, dir), without credentials
    commit: str = ""  # the git commit: of a vcs install, or of the folder's checkout (dir, source)
    folder: str = ""  # the local folder of a dir install or source checkout
    editable: bool = False
    dirty: bool = False  # a source checkout with uncommitted changes to tracked files
    sha256: str = ""  # the archive's hash, when pip recorded it

    @property
    def remote(self) -> bool:
        """True when another machine (CI) can install from ``url``: not a file on this computer."""
        return urlsplit(self.url).scheme not in ("", "file")

    def install_spec(self) -> str | None:
        """What ``pip install`` needs to get this very version again elsewhere; None when nothing can be said
        for sure (a local folder or file, a checkout that is not installed)."""
        if self.kind == "vcs" and self.remote and self.commit:
            return f"{PACKAGE} @ git+{self.url}@{self.commit}"
        if self.kind == "archive" and self.remote:
            return f"{PACKAGE} @ {self.url}" + (f"#sha256={self.sha256}" if self.sha256 else "")
        if self.kind == "index":
            return f"{PACKAGE}=={self.version}"
        return None

    def describe(self) -> str:
        """One line for ``--version``: the version and, for git installs and checkouts, the commit."""
        text = f"{PACKAGE} {self.version}"
        if self.kind == "vcs":
            text += f" (git {self.commit[:12] or '?'}, installed from {self.url})"
        elif self.kind == "archive":
            text += f" (installed from {self.url})"
        elif self.kind in ("dir", "source"):
            what = (
                "editable install of "
                if self.editable
                else "installed from "
                if self.kind == "dir"
                else "source checkout "
            ) + (self.folder or "?")
            if self.commit:
                what += f", git {self.commit[:12]}" + (" with uncommitted changes" if self.dirty else "")
            text += f" ({what})"
        return text


def _strip_credentials(url: str) -> str:
    """``https://user:token@host/x`` -> ``https://host/x``: a token must never end up in a committed CI file."""
    parts = urlsplit(url)
    if "@" in parts.netloc:
        return parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()
    return url


def _file_path(url: str) -> str:
    parts = urlsplit(url)
    return unquote(parts.path) if parts.scheme == "file" else ""


def _git_dir(folder: Path) -> Path | None:
    """The git directory of the checkout holding ``folder`` (a ``.git`` folder, or the one a ``.git`` file names)."""
    for d in (folder, *folder.parents):
        dot = d / ".git"
        try:
            if dot.is_dir():
                return dot
            if dot.is_file():
                text = dot.read_text(encoding="utf-8", errors="replace").strip()
                if text.startswith("gitdir:"):
                    target = Path(text[len("gitdir:") :].strip())
                    return target if target.is_absolute() else (d / target).resolve()
        except OSError:
            return None
    return None


def _git_head(folder: Path) -> tuple[str, bool]:
    """(HEAD commit, False) of the git checkout holding ``folder``, read from its files; ("", False) if none.
    Whether the checkout has uncommitted changes is not asked (that would take a git process)."""
    gd = _git_dir(folder)
    if gd is None:
        return "", False
    try:
        head = (gd / "HEAD").read_text(encoding="utf-8", errors="replace").strip()
        if not head.startswith("ref:"):
            return (head, False) if re.fullmatch(r"[0-9a-f]{40,64}", head) else ("", False)
        ref = head[4:].strip()
        common = gd
        cfile = gd / "commondir"
        if cfile.is_file():  # a linked worktree keeps its refs in the main git directory
            c = Path(cfile.read_text(encoding="utf-8").strip())
            common = c if c.is_absolute() else (gd / c).resolve()
        for base in (gd, common):
            loose = base / ref
            if loose.is_file():
                sha = loose.read_text(encoding="utf-8", errors="replace").strip()
                return (sha, False) if re.fullmatch(r"[0-9a-f]{40,64}", sha) else ("", False)
        packed = common / "packed-refs"
        if packed.is_file():
            for line in packed.read_text(encoding="utf-8", errors="replace").splitlines():
                parts = line.split(" ")
                if len(parts) == 2 and parts[1] == ref and re.fullmatch(r"[0-9a-f]{40,64}", parts[0]):
                    return parts[0], False
    except (OSError, ValueError):
        return "", False
    return "", False


def _source_origin(folder: Path, kind: str = "source", editable: bool = False, url: str = "") -> Origin:
    commit, dirty = _git_head(folder) if folder.is_dir() else ("", False)
    return Origin(kind=kind, folder=str(folder), commit=commit, dirty=dirty, editable=editable, url=url)


def origin() -> Origin:
    """How the running code was installed (see :class:`Origin`)."""
    from importlib import metadata

    try:
        dist = metadata.distribution(PACKAGE)
    except metadata.PackageNotFoundError:
        return _source_origin(_HERE.parent)
    raw = dist.read_text("direct_url.json")
    info: dict = {}
    if raw:
        try:
            info = json.loads(raw)
        except ValueError:
            info = {}
    if not isinstance(info, dict):
        info = {}
    url = _strip_credentials(str(info.get("url") or ""))
    dir_info = info.get("dir_info") if isinstance(info.get("dir_info"), dict) else None
    if dir_info is not None:
        path = _file_path(url)
        folder = Path(path).resolve() if path else None
        if folder is not None and _HERE.is_relative_to(folder):
            return _source_origin(folder, kind="dir", editable=bool(dir_info.get("editable")), url=url)
    # the metadata found must describe the code that runs: not, say, an editable install of another checkout
    # while this one is on PYTHONPATH
    try:
        installed = Path(str(dist.locate_file(f"{PACKAGE}/__init__.py"))).resolve().parent
    except (OSError, TypeError, ValueError):
        installed = None
    if installed != _HERE:
        return _source_origin(_HERE.parent)
    if not raw and str(getattr(dist, "_path", "")).endswith(".egg-info"):
        # the egg-info a source build leaves in the checkout (setuptools' `pip install -e`): not an index install
        return _source_origin(_HERE.parent)
    vcs = info.get("vcs_info") if isinstance(info.get("vcs_info"), dict) else None
    if vcs is not None:
        commit = str(vcs.get("commit_id") or "")
        return Origin(kind="vcs", url=url, commit=commit if re.fullmatch(r"[0-9a-f]{7,64}", commit) else "")
    archive = info.get("archive_info") if isinstance(info.get("archive_info"), dict) else None
    if archive is not None:
        hashes = archive.get("hashes") if isinstance(archive.get("hashes"), dict) else {}
        sha = str(hashes.get("sha256") or "")
        if not sha and str(archive.get("hash") or "").startswith("sha256="):
            sha = str(archive["hash"]).split("=", 1)[1]
        return Origin(kind="archive", url=url, sha256=sha if re.fullmatch(r"[0-9a-f]{64}", sha) else "")
    if dir_info is not None:
        return Origin(kind="dir", url=url, folder=_file_path(url))
    return Origin(kind="index")


_GIT_SPEC = re.compile(
    r"(?:reformctl\s*@\s*)?git\+(?P<url>[^\s@#]+(?:@[^\s@#/]+(?=/)[^\s@#]*)?)@(?P<rev>[^\s@#]+)"
    r"(?:#.*)?"
)


def hooks_source(spec: str) -> tuple[str, str] | None:
    """(repository URL, revision) for pre-commit when ``spec`` installs reformctl from a git repository
    (``git+URL@REV`` or ``reformctl @ git+URL@REV``); None otherwise."""
    m = _GIT_SPEC.fullmatch(spec.strip())
    if not m:
        return None
    return m.group("url"), m.group("rev")
