"""Find derivation files, import them, and report broken ones with file and line.

Derivations come out in the order of their sources (``000_…`` before ``001_…``, and within a text
in the order it prints them), material softsym adds last; each quoting step carries the lines
where its source prints the quotation."""
from __future__ import annotations

import difflib
import hashlib
import importlib.util
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from .dsl import Derivation, DerivationBuilder, with_file
from .errors import DerivationError, UserError
from .sources import located, text_order

BUNDLED = Path(__file__).resolve().parent.parent / "derivations"


@dataclass(frozen=True)
class LoadError:
    """A derivation file that could not be loaded: where, and why."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}{':' + str(self.line) if self.line else ''}: {self.message}"


def default_path() -> Path:
    """The bundled ``derivations/`` directory next to the package (source checkout or editable install)."""
    return BUNDLED


def derivation_files(path: Path) -> list[Path]:
    """The derivation modules under ``path`` (a directory or one ``.py`` file), sorted."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise UserError(f"no such derivation file or directory: {path}")
    return sorted(p for p in path.glob("*.py") if not p.name.startswith("_"))


def _shown(file: Path) -> str:
    try:
        return str(file.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(file)


def _line_in(file: Path, exc: BaseException) -> int | None:
    if isinstance(exc, DerivationError) and exc.line:
        return exc.line
    if isinstance(exc, SyntaxError) and exc.lineno:
        return exc.lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if Path(frame.filename).resolve() == file.resolve():
            return frame.lineno
    return None


def load_file(file: Path) -> tuple[list[Derivation], LoadError | None]:
    """Import one derivation module and collect the derivations it defines (in definition order)."""
    shown = _shown(file)
    module_name = f"softsym_derivations.{file.stem}"
    spec = importlib.util.spec_from_file_location(module_name, file)
    if spec is None or spec.loader is None:
        return [], LoadError(shown, None, "not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # a broken user file must not stop the other files
        reason = exc.args[0] if isinstance(exc, DerivationError) and exc.args else f"{type(exc).__name__}: {exc}"
        if isinstance(exc, DerivationError):
            reason = str(exc).split(": ", 1)[-1] if exc.file else str(exc)
        return [], LoadError(shown, _line_in(file, exc), f"could not load: {reason}")
    found: list[Derivation] = []
    for value in vars(module).values():
        if isinstance(value, DerivationBuilder):
            try:
                value = value.build()
            except DerivationError as exc:
                return found, LoadError(shown, exc.line, str(exc).split(": ", 1)[-1])
        if isinstance(value, Derivation) and value.name not in {d.name for d in found}:
            found.append(located(with_file(value, shown)))
    if not found:
        return [], LoadError(shown, None, "defines no derivation (build one with DerivationBuilder)")
    return found, None


_LOADED: dict[tuple, tuple[list[Derivation], list[LoadError]]] = {}


def _state(path: Path) -> tuple:
    """What a load of ``path`` depends on: the working directory (paths are shown relative to it)
    and the text of every Python file beside the derivations, helpers included."""
    files = [path] if path.is_file() else sorted(path.rglob("*.py"))
    texts = []
    for file in files:
        try:
            texts.append((str(file), hashlib.sha256(file.read_bytes()).hexdigest()))
        except OSError:
            continue
    return str(Path.cwd().resolve()), str(path.resolve()), tuple(texts)


def load(path: Path) -> tuple[list[Derivation], list[LoadError]]:
    """Every derivation under ``path`` (in source order) and every file that failed to load.

    A process loads the same unchanged files once (derivations are immutable): the test suite and
    a long session ask for the corpus many times.

    Raises:
        UserError: the path does not exist, or two files define the same derivation name.
    """
    derivation_files(path)                  # a missing path is an error before anything is cached
    key = _state(path)
    if key not in _LOADED:
        if len(_LOADED) > 16:
            _LOADED.clear()
        _LOADED[key] = _load(path)
    derivations, errors = _LOADED[key]
    return list(derivations), list(errors)


def _load(path: Path) -> tuple[list[Derivation], list[LoadError]]:
    derivations: list[Derivation] = []
    errors: list[LoadError] = []
    seen: dict[str, str] = {}
    for file in derivation_files(path):
        found, error = load_file(file)
        if error:
            errors.append(error)
        for d in found:
            if d.name in seen:
                errors.append(LoadError(d.file, d.line, f"derivation name {d.name!r} already used in {seen[d.name]}"))
                continue
            seen[d.name] = d.file
            derivations.append(d)
    return sorted(derivations, key=text_order), errors


def names_as_path(names: tuple[str, ...], path: Path | None) -> tuple[tuple[str, ...], Path | None]:
    """``softsym check myders/``: a lone name that is a directory or a .py file is the path."""
    if path is None and len(names) == 1 and names[0] != "all":
        candidate = Path(names[0])
        if candidate.is_dir() or (candidate.suffix == ".py" and candidate.is_file()):
            return ("all",), candidate
    return names, path


def select(derivations: list[Derivation], names: tuple[str, ...]) -> list[Derivation]:
    """The derivations called ``names``, in that order; ``("all",)`` means every one.

    Raises:
        UserError: a name is not among the derivations.
    """
    if names == ("all",):
        return list(derivations)
    known = {d.name: d for d in derivations}
    unknown = [n for n in names if n not in known]
    if unknown:
        paths = [n for n in unknown if "/" in n or n.endswith(".py")]
        if paths:
            raise UserError(f"no such file or directory: {', '.join(paths)} (a directory or a .py file of "
                            f"derivations may stand alone in place of the names, or follow --path)")
        close = {n: difflib.get_close_matches(n, list(known), n=3, cutoff=0.6) for n in unknown}
        hints = "; ".join(f"did you mean {' or '.join(c)}?" for c in close.values() if c)
        raise UserError(f"unknown derivation {', '.join(unknown)}{'; ' + hints if hints else ''}; "
                        f"`softsym list` shows the names")
    return [known[n] for n in names]
