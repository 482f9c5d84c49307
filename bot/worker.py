"""Run a load (parse, validate, index) in a child process with a time and a memory limit.

The bot's event loop must never parse YAML or build an index itself: a hostile or just huge FAQ
would stall every user meanwhile. ``run_limited(func, *args, limits=…)`` runs ``func(*args)`` in
a child process and returns its (pickled) result; the caller waits in a thread
(``asyncio.to_thread``), so the loop keeps answering with the old FAQ.

- Children come from multiprocessing's "forkserver" (where the platform has it): a small server
  process with the core preloaded forks each child in milliseconds (``warm_up`` starts it).
- Memory: the child caps its address space (``RLIMIT_AS``) at what it has at start plus
  ``Limits.memory_mb``; past that, allocations fail with ``MemoryError``.
- Time: after ``Limits.seconds`` the child is killed.

Everything that goes wrong comes back as ``WorkerError`` (with a one-line reason), except
``KnowledgeError``, which keeps its problems.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from bot.knowledge import KnowledgeError

T = TypeVar("T")

PRELOAD = ["bot.telegram.admin"]  # what the forked children need, imported once in the server


@dataclass(frozen=True, slots=True)
class Limits:
    seconds: float = 60.0
    memory_mb: int = 1024


class WorkerError(Exception):
    """The child ran out of time or memory, or failed; ``str()`` says which in one line."""


def _context() -> Any:
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(PRELOAD)
    return context


def _address_space() -> int | None:
    """This process's virtual memory size in bytes (Linux), or None where unknown."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _limit_memory(megabytes: int) -> None:
    try:
        import resource
    except ImportError:  # not on this platform: the time limit still holds
        return
    current = _address_space()
    if current is None:
        return
    limit = current + megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _child(
    conn: Connection, memory_mb: int, func: Callable[..., Any], args: tuple[Any, ...]
) -> None:
    """In the child: limit memory, run, send back ("ok", result) or what went wrong."""
    try:
        _limit_memory(memory_mb)
        reply: tuple[str, Any] = ("ok", func(*args))
    except KnowledgeError as error:
        reply = ("knowledge", error.problems)
    except MemoryError:
        reply = ("error", f"needed more than {memory_mb} MB of memory")
    except BaseException as error:  # reported to the parent, which logs it
        reply = ("error", f"failed: {type(error).__name__}: {error}")
    try:
        conn.send(reply)
    except MemoryError:
        conn.send(("error", f"needed more than {memory_mb} MB of memory"))
    finally:
        conn.close()


def run_limited(func: Callable[..., T], *args: Any, limits: Limits) -> T:
    """``func(*args)`` run in a child process within ``limits`` (blocks; call it in a thread).

    ``func``, its arguments and its result must be picklable (``func`` a module-level function).
    """
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child, args=(sender, limits.memory_mb, func, args), daemon=True
    )
    process.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise WorkerError(f"took longer than {limits.seconds:g} s")
        try:
            kind, value = receiver.recv()  # unpickled here, in the caller's thread
        except EOFError:
            process.join(1)
            raise WorkerError(f"stopped unexpectedly (exit code {process.exitcode})") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    if kind == "knowledge":
        raise KnowledgeError(value)
    if kind == "error":
        raise WorkerError(str(value))
    result: T = value
    return result


def _nothing() -> None:
    """A child that does nothing (``warm_up``)."""


def warm_up() -> None:
    """Start the fork server now, so that the first real load starts fast (blocks briefly)."""
    run_limited(_nothing, limits=Limits(seconds=60))
