"""The boundary of the public API: arguments checked against their annotations, and numbers against their range.

Every public function of bosetting (and the constructor of every public class that has no
validators of its own) is wrapped by :func:`checked`: before the body runs, each argument is
checked against the parameter's own annotation, and a value of the wrong type is an
:class:`~bosetting.errors.ArgumentError` naming the argument, what it should be (the annotation
as written) and the value. A number of the right type is checked for its range by the function
itself, with :func:`~bosetting.model.number_argument` (``nan``, ``inf``, negative and huge
numbers are refused there, each with the range it should lie in). Only the call that comes in
from outside is checked: what a checked function then calls inside the library runs unchecked
(it was 29 791 checks, 0.29 s, in one ``bosetting screen``).

What an annotation means here (as a type checker reads it, with two exceptions):

* ``int`` is a whole number and ``float`` any real number, but ``True`` and
  ``False`` are neither (:func:`~bosetting.model.is_whole`);
* a text is not a collection of its letters: ``str`` never passes for
  ``Iterable[Municipality]`` or ``Sequence[str]``.

Lists, tuples, sets and mappings are checked item by item; an iterator or
generator is checked to be one (its items are checked where they are used).
A name the module imports only for type checking is not checked here.

Examples:
    >>> @checked
    ... def double(n: int, *, label: str | None = None) -> int:
    ...     return 2 * n
    >>> double(2)
    4
    >>> double("2")
    Traceback (most recent call last):
    ...
    bosetting.errors.ArgumentError: field 'n', value '2': the argument n is int, not str
"""

from __future__ import annotations

import collections.abc as abc
import contextvars
import functools
import inspect
import numbers
import os
import reprlib
import sys
import types
import typing
from collections.abc import Callable
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from bosetting.errors import ArgumentError, BosettingError, ValidationError
from bosetting.i18n import N_

__all__ = ["checked", "shown"]

F = TypeVar("F", bound=Callable[..., Any])

Predicate = Callable[[object], bool]

_WRONG_TYPE = N_("the argument {argument} is {expected}, not {kind}")

_repr = reprlib.Repr()
_repr.maxstring = 80
_repr.maxother = 80


def shown(value: object) -> object:
    """A value as an error shows it: text, numbers and ``None`` as they are, anything else as a short repr."""
    if value is None or isinstance(value, str | int | float | Fraction | bool):
        return value
    try:
        return _repr.repr(value)
    except Exception:  # a hostile __repr__
        return f"<{type(value).__name__}>"


def _always(_: object) -> bool:
    return True


def _is_int(v: object) -> bool:
    return isinstance(v, numbers.Integral) and not isinstance(v, bool)


def _is_real(v: object) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


def _items(
    kind: type, item: Predicate, text_items: bool
) -> Predicate:  # a collection, checked item by item where it holds its items
    def check(v: object) -> bool:
        if not isinstance(v, kind):
            return False
        if isinstance(v, str):
            return text_items  # bytes go on: their items are numbers
        if item is _always or isinstance(v, abc.Iterator) or not isinstance(v, abc.Iterable):
            return True  # an iterator is read once: its items are checked where they are used
        try:
            return all(item(x) for x in v)
        except Exception:  # an iterable that cannot be iterated is no collection of items
            return False

    return check


def _predicate(hint: Any) -> Predicate:
    """A fast check of a value against a resolved annotation."""
    if hint is Any or hint is object or isinstance(hint, TypeVar):
        return _always
    if hint is None or hint is type(None):
        return lambda v: v is None
    if hint is int:
        return _is_int
    if hint is float:
        return _is_real
    if hint is bool:
        return lambda v: isinstance(v, bool)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        parts = [_predicate(a) for a in args]
        return lambda v: any(p(v) for p in parts)
    if origin is typing.Literal:
        allowed = args
        return lambda v: any(type(v) is type(a) and v == a for a in allowed)
    if origin is typing.Annotated:
        return _predicate(args[0])
    if origin is type:
        return lambda v: isinstance(v, type)
    if origin is abc.Callable:
        made = args[-1] if args else None
        if isinstance(made, type) and made is not object:  # a class called to make one: a subclass
            return lambda v: callable(v) and (not isinstance(v, type) or issubclass(v, made))
        return callable
    if hint in (typing.IO, typing.BinaryIO, typing.TextIO) or origin is typing.IO:
        return lambda v: hasattr(v, "read")
    if origin in (tuple,) and args and args[-1] is not Ellipsis:
        exact = [_predicate(a) for a in args]
        return lambda v: (
            isinstance(v, tuple)
            and len(v) == len(exact)
            and all(p(x) for p, x in zip(exact, v, strict=True))
        )
    if origin in (dict, abc.Mapping, abc.MutableMapping) and len(args) == 2:
        key, val = _predicate(args[0]), _predicate(args[1])
        kind = origin
        return lambda v: isinstance(v, kind) and all(key(k) and val(x) for k, x in v.items())
    if origin is not None and isinstance(origin, type):
        if origin is os.PathLike:
            return lambda v: isinstance(v, os.PathLike)
        item = _predicate(args[0]) if args else _always
        text_items = bool(args) and args[0] is str
        return _items(origin, item, text_items)
    if isinstance(hint, type):
        if getattr(hint, "_is_protocol", False) and not getattr(
            hint, "_is_runtime_protocol", False
        ):
            return _always
        kind = hint
        return lambda v: isinstance(v, kind)
    return _always  # a forward reference or a form this check does not know


class _Names(dict[str, Any]):
    """A module's names for reading its annotations, with names it imports only for type checking.

    Such a name (``Tally`` in a module that imports it under ``TYPE_CHECKING``) is
    looked up among the public names of the bosetting modules already loaded, and
    among :mod:`typing` and :mod:`collections.abc`.
    """

    def __init__(self, module: dict[str, Any]) -> None:
        super().__init__(module)

    def __missing__(self, name: str) -> Any:
        for source in (abc, typing):
            if hasattr(source, name):
                return getattr(source, name)
        for module_name, module in list(sys.modules.items()):
            if module_name.startswith("bosetting.") and name in getattr(module, "__all__", ()):
                return getattr(module, name)
        raise KeyError(name)


def _resolve(annotation: object, namespace: dict[str, Any]) -> Any:
    if not isinstance(annotation, str):
        return annotation
    try:
        return eval(annotation, {"__builtins__": __builtins__}, _Names(namespace))
    except Exception:  # a name that is not loaded yet: left to the function itself
        return Any


class _Plan:
    """The checks of one function's parameters, worked out on its first call."""

    def __init__(
        self,
        fn: Callable[..., Any],
        namespace: dict[str, Any],
        error: type[BosettingError],
        skip: frozenset[str],
    ) -> None:
        self.error = error
        sig = inspect.signature(fn)
        self.positional: list[tuple[str, Predicate, str]] = []
        self.keyword: dict[str, tuple[Predicate, str]] = {}
        kinds = {p.kind for p in sig.parameters.values()}
        self.required = [
            (i, p.name)
            for i, p in enumerate(sig.parameters.values())
            if p.default is p.empty
            and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
            and p.name not in ("self", "cls")
        ]
        self.any_positional = inspect.Parameter.VAR_POSITIONAL in kinds
        self.any_keyword = inspect.Parameter.VAR_KEYWORD in kinds
        for p in sig.parameters.values():
            check: Predicate = _always
            text = ""
            if p.name in ("self", "cls") or p.name in skip or p.annotation is p.empty:
                pass
            elif p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                continue
            else:
                text = p.annotation if isinstance(p.annotation, str) else _name(p.annotation)
                check = _predicate(_resolve(p.annotation, namespace))
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
                self.positional.append((p.name, check, text))
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY):
                self.keyword[p.name] = (check, text)

    def check(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if len(args) > len(self.positional) and not self.any_positional:
            raise ArgumentError(
                N_("too many arguments: {given} given, at most {most}"),
                given=len(args) - 1
                if self.positional[:1] and self.positional[0][0] in ("self", "cls")
                else len(args),
                most=len([n for n, _, _ in self.positional if n not in ("self", "cls")]),
                field="arguments",
            )
        for at, name in self.required:
            if at >= len(args) and name not in kwargs:
                raise ArgumentError(
                    N_("the argument {argument} is missing"), argument=name, field=name
                )
        if not self.any_keyword:
            for name in kwargs:
                if name not in self.keyword:
                    raise ArgumentError(
                        N_("unknown argument {argument}"), argument=name, field=name
                    )
        for (name, check, text), value in zip(self.positional, args, strict=False):
            if not check(value):
                _refuse(self.error, name, text, value)
        for name, value in kwargs.items():
            entry = self.keyword.get(name)
            if entry is not None and not entry[0](value):
                _refuse(self.error, name, entry[1], value)


def _name(hint: object) -> str:
    return hint.__name__ if isinstance(hint, type) else str(hint)


def _refuse(
    error: type[BosettingError], name: str, expected: str, value: object
) -> typing.NoReturn:
    raise error(
        _WRONG_TYPE,
        argument=name,
        expected=expected,
        kind="None" if value is None else type(value).__name__,
        field=name,
        value=shown(value),
    )


#: Whether a checked call is running: the calls it makes inside the library are not checked again.
_INSIDE: contextvars.ContextVar[bool] = contextvars.ContextVar("bosetting_checked", default=False)


def _wrap(
    fn: Callable[..., Any],
    namespace: dict[str, Any],
    error: type[BosettingError] = ArgumentError,
    skip: frozenset[str] = frozenset(),
) -> Any:
    plan: list[_Plan] = []

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _INSIDE.get():  # the library calling itself: checked where the caller came in
            return fn(*args, **kwargs)
        if not plan:
            plan.append(_Plan(fn, namespace, error, skip))
        plan[0].check(args, kwargs)
        token = _INSIDE.set(True)
        try:
            return fn(*args, **kwargs)
        finally:
            _INSIDE.reset(token)

    wrapper.__checked__ = True  # type: ignore[attr-defined]
    return wrapper


@typing.overload
def checked(obj: F, /) -> F: ...
@typing.overload
def checked(*, own: tuple[str, ...]) -> Callable[[F], F]: ...
def checked(obj: Any = None, /, *, own: tuple[str, ...] = ()) -> Any:
    """Check a public function's (or a class's constructor's) arguments against its annotations.

    The annotations are read on the first call, in the module the function was
    defined in. A class keeps its identity: its ``__init__`` is wrapped.
    ``@checked(own=("path",))`` leaves the arguments named there to the function,
    which checks them with an error of its own (a reader's file error, say).

    An attrs class's fields that have a validator of their own are left to it; a
    wrong type for any other field is a :class:`~bosetting.errors.ValidationError`
    (a field of a domain object), for a function's argument an :class:`ArgumentError`.

    Raises:
        ArgumentError: (from the wrapped callable) naming the argument, its annotation and the value.
    """
    if not isinstance(own, tuple) or not all(isinstance(name, str) for name in own):
        raise ArgumentError(
            _WRONG_TYPE,
            argument="own",
            expected="tuple[str, ...]",
            kind=type(own).__name__,
            field="own",
            value=shown(own),
        )
    if obj is None:
        return lambda fn: _checked(fn, frozenset(own))
    return _checked(obj, frozenset(own))


def _checked(obj: Any, own: frozenset[str]) -> Any:
    if isinstance(obj, type):
        if getattr(obj.__init__, "__checked__", False):  # type: ignore[misc]
            return obj
        module = getattr(sys.modules.get(obj.__module__), "__dict__", {})
        if attrs.has(obj):  # a field with a validator of its own keeps its own message
            own |= frozenset(a.alias for a in attrs.fields(obj) if a.validator is not None)
        try:
            obj.__init__ = _wrap(obj.__init__, module, ValidationError, own)  # type: ignore[misc]
        except (TypeError, AttributeError):  # a built-in type
            raise ArgumentError(
                N_("@checked wraps a function or a class (under @classmethod or @staticmethod)"),
                field="obj",
                value=shown(obj),
            ) from None
        return obj
    if not callable(obj) or isinstance(obj, classmethod | staticmethod):
        raise ArgumentError(
            N_("@checked wraps a function or a class (under @classmethod or @staticmethod)"),
            field="obj",
            value=shown(obj),
        )
    fn = typing.cast(Callable[..., Any], obj)
    if getattr(fn, "__checked__", False):
        return fn
    return _wrap(fn, getattr(inspect.unwrap(fn), "__globals__", {}), ArgumentError, own)
