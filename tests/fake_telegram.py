"""A fake Telegram Bot API server on loopback, for end-to-end tests of the real bot.

It answers the methods the bot uses (getMe, getUpdates with long polling and offsets,
deleteWebhook, sendMessage, sendPhoto (a multipart upload, recorded as its bytes),
editMessageText, deleteMessage, answerCallbackQuery, answerInlineQuery, setMyCommands, getFile,
file download) and records every call. Tests push
updates with ``push`` and wait for the bot's calls with ``wait_for``.

It misbehaves like the real one when asked to: ``fault`` injects per method a status (with
``retry_after``), a delay, or a connection reset; ``down_for`` makes it unreachable for a while.
It enforces Telegram's flood limits (``tests.telegram_rules.FloodLimits``, a 429 beyond them) and
validates HTML (``tests.telegram_html_check`` and ``tests.telegram_rules``), text length and
callback data (a 400 otherwise). ``delivered`` lists the sends it
accepted, so tests count answers, duplicates and apologies exactly.
"""

from __future__ import annotations

import contextlib
import email.parser
import email.policy
import itertools
import json
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote

from tests.telegram_html_check import html_problems
from tests.telegram_rules import FloodLimits, validate

BOT_ID = 4242
BOT_USERNAME = "AsiaForwardBot"


RESET = "reset"  # a fault's outcome: the connection is dropped before the request is handled


@dataclass
class Fault:
    """Misbehaviour of one method: for the first ``first`` calls to each chat (or to the method,
    when it has no chat), and then for ``lasting`` seconds after the first of them, answer
    ``status`` (with ``retry_after``), reset the connection, or handle the call but answer only
    after ``delay`` seconds."""

    method: str
    status: int | None = None
    retry_after: int | None = None
    delay: float = 0.0
    reset: bool = False
    chats: frozenset[int] | None = None
    first: int = 1
    lasting: float = 0.0
    fired: Counter[int] = field(default_factory=Counter)
    started: dict[int, float] = field(default_factory=dict)

    def fires(self, chat: int, now: float) -> bool:
        if self.fired[chat] < self.first or now < self.started.get(chat, 0.0) + self.lasting:
            self.fired[chat] += 1
            self.started.setdefault(chat, now)
            return True
        return False


class _Server(ThreadingHTTPServer):
    request_queue_size = 512  # the listen backlog is set in the constructor: a burst of replies


class FakeBotApi:
    def __init__(self, token: str, *, down_for: float = 0.0, limits: bool = True) -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.delivered: list[tuple[str, dict[str, Any]]] = []
        self.statuses: Counter[int] = Counter()
        self.accepted: Counter[str] = Counter()  # len(delivered) by method, cheap to read
        self.updates: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.fail_next: set[str] = set()
        self.faults: list[Fault] = []
        self.limits: FloodLimits | None = FloodLimits() if limits else None
        self.down_until = time.monotonic() + down_for
        self._confirmed = 0
        self.allowed_updates: list[str] | None = None  # as the last getUpdates asked
        self._cond = threading.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._server.request_queue_size = 512
        self._server.handle_error = lambda *args: None  # type: ignore[method-assign]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- control -----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/bot"

    def start(self) -> FakeBotApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._cond.notify_all()
        self._server.shutdown()
        self._server.server_close()

    def fault(self, method: str, **kwargs: Any) -> Fault:
        """Make ``method`` misbehave (see ``Fault``); ``clear_faults`` ends it."""
        with self._cond:
            fault = Fault(method, **kwargs)
            self.faults.append(fault)
            return fault

    def clear_faults(self) -> None:
        with self._cond:
            self.faults.clear()

    def down_for(self, seconds: float) -> None:
        """Reset every connection for the next ``seconds``."""
        self.down_until = time.monotonic() + seconds

    def sent_to(self, chat_id: int, *, since: int = 0, method: str = "sendMessage") -> list[str]:
        """The texts the server accepted for ``chat_id`` (in order), from call ``since`` on."""
        with self._cond:
            return [
                str(p.get("text", ""))
                for index, name, p in self._delivered_with_index()
                if index >= since and name == method and int(p.get("chat_id", 0)) == chat_id
            ]

    def _delivered_with_index(self) -> list[tuple[int, str, dict[str, Any]]]:
        return [(int(p.get("_call", 0)), name, p) for name, p in self.delivered]

    def push(self, update: dict[str, Any]) -> int:
        return self.push_many([update])[0]

    def push_many(self, updates: list[dict[str, Any]]) -> list[int]:
        """Queue ``updates`` at once: the bot's next getUpdates sees all of them together."""
        with self._cond:
            ids = []
            for update in updates:
                update_id = next(self._update_ids)
                self.updates.append({"update_id": update_id, **update})
                ids.append(update_id)
            self._cond.notify_all()
        return ids

    @property
    def confirmed(self) -> int:
        """The highest update id the bot has confirmed (it asked for a later offset)."""
        with self._cond:
            return self._confirmed

    def wait_until(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        """Wait (on every call the server gets) until ``condition()`` holds."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not condition():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"condition not met within {timeout}s")
                self._cond.wait(min(left, 0.2))

    def mark(self) -> int:
        """The number of calls so far: pass it to ``wait_for`` to see only newer calls."""
        with self._cond:
            return len(self.calls)

    def wait_for(
        self,
        method: str,
        *,
        since: int = 0,
        where: Callable[[dict[str, Any]], bool] = lambda _: True,
        timeout: float = 10.0,
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for name, params in self.calls[since:]:
                    if name == method and where(params):
                        return params
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [name for name, _ in self.calls[since:]]
                    raise AssertionError(f"no {method} call within {timeout}s; saw {seen}")
                self._cond.wait(left)

    def calls_of(self, method: str, *, since: int = 0) -> list[dict[str, Any]]:
        with self._cond:
            return [p for name, p in self.calls[since:] if name == method]

    # --- the API -----------------------------------------------------------------------------

    def _me(self) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "AsiaForward",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", 0))
        return {
            "message_id": int(params.get("message_id") or next(self._message_ids)),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": self._me(),
            "text": params.get("text", ""),
        }

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 2.0)
        with self._cond:
            self._confirmed = max(self._confirmed, offset - 1)
            self.allowed_updates = params.get("allowed_updates")
            # Telegram forgets what was confirmed (an offset past it); keep the list short.
            if offset:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while True:
                ready = [u for u in self.updates if u["update_id"] >= offset][:limit]
                left = deadline - time.monotonic()
                if ready or left <= 0:
                    return ready
                self._cond.wait(left)

    def _misbehave(self, method: str, params: dict[str, Any]) -> tuple[int, Any] | None:
        """A fault's or the flood limits' answer to this call, or None to handle it normally;
        (0, RESET) to drop the connection, (-delay, None) to handle it late."""
        now = time.monotonic()
        if now < self.down_until:
            return 0, RESET
        chat = int(params.get("chat_id") or 0)
        for fault in self.faults:
            if fault.method != method or (fault.chats is not None and chat not in fault.chats):
                continue
            if not fault.fires(chat, now):
                continue
            if fault.reset:
                return 0, RESET
            if fault.delay:
                return -1, fault.delay
            description = "Too Many Requests: retry later" if fault.status == 429 else "Fault"
            body: dict[str, Any] = {
                "ok": False,
                "error_code": fault.status,
                "description": description,
            }
            if fault.retry_after:
                body["parameters"] = {"retry_after": fault.retry_after}
            return int(fault.status or 500), body
        if method in self.fail_next:
            self.fail_next.discard(method)
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: test"}
        if method in ("sendMessage", "editMessageText") and params.get("parse_mode") == "HTML":
            problems = html_problems(str(params.get("text", "")))  # as Telegram would refuse
            if problems:
                description = f"Bad Request: can't parse message: {'; '.join(problems)}"
                return 400, {"ok": False, "error_code": 400, "description": description}
        problem = validate(method, params)
        if problem:
            return 400, {"ok": False, "error_code": 400, "description": problem}
        retry_after = self.limits.check(method, params) if self.limits else None
        if retry_after:
            return 429, {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {retry_after}",
                "parameters": {"retry_after": retry_after},
            }
        return None

    def call(self, method: str, params: dict[str, Any]) -> tuple[int, Any]:
        delay = 0.0
        if method != "getUpdates" or time.monotonic() < self.down_until:
            with self._cond:
                params["_call"] = len(self.calls)
                self.calls.append((method, params))
                outcome = self._misbehave(method, params)
                if outcome is not None and outcome[0] != -1:
                    self.statuses[outcome[0]] += 1
                    self._cond.notify_all()
                    return outcome
                if outcome is not None:
                    delay = float(outcome[1])
                self.statuses[200] += 1
                self.accepted[method] += 1
                self.delivered.append((method, params))
                self._cond.notify_all()
        status, body = self._handle(method, params)
        if delay:
            time.sleep(delay)
        return status, body

    def _handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        result: Any
        if method == "getMe":
            result = self._me()
        elif method == "getUpdates":
            result = self._get_updates(params)
        elif method in ("sendMessage", "editMessageText"):
            result = self._message(params)
            params["_message_id"] = result["message_id"]
        elif method == "sendPhoto":
            result = self._message(params)
            size = len(params.get("photo") or b"")
            result["photo"] = [
                {"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1, "file_size": size}
            ]
        elif method == "getFile":
            file_id = params["file_id"]
            size = len(self.files.get(file_id, b""))
            path = f"documents/{file_id}.yaml"
            result = {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_size": size,
                "file_path": path,
            }
        elif method in (
            "deleteMessage",
            "deleteWebhook",
            "setWebhook",
            "setMyCommands",
            "answerCallbackQuery",
            "answerInlineQuery",
            "close",
            "logOut",
        ):
            result = True
        else:
            return 404, {"ok": False, "error_code": 404, "description": f"Not Found: {method}"}
        return 200, {"ok": True, "result": result}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, like the real Bot API
            # Headers and body go out as two writes: without this, Nagle's algorithm and the
            # client's delayed ACK hold every response back by 40 ms.
            disable_nagle_algorithm = True

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot hung up mid long-poll (it is shutting down)

            def do_GET(self) -> None:
                prefix = f"/file/bot{api.token}/documents/"
                path = unquote(self.path)
                if path.startswith(prefix):
                    file_id = path[len(prefix) :].removesuffix(".yaml")
                    if file_id in api.files:
                        self._send(200, api.files[file_id], "application/octet-stream")
                        return
                self._send(404, b"not found", "text/plain")

            def do_POST(self) -> None:
                prefix = f"/bot{api.token}/"
                if not self.path.startswith(prefix):
                    self._send(401, b'{"ok":false,"error_code":401,"description":"Unauthorized"}')
                    return
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                raw = body.decode(errors="replace")
                kind = self.headers.get("Content-Type") or ""
                if kind.startswith("multipart/form-data"):
                    params = _multipart(kind, body)
                elif "json" in kind:
                    params = json.loads(raw or "{}")
                else:
                    params = {}
                    for key, values in parse_qs(raw).items():
                        try:
                            params[key] = json.loads(values[0])
                        except ValueError:
                            params[key] = values[0]
                status, payload = api.call(self.path[len(prefix) :], params.copy())
                if payload == RESET:
                    self._reset()
                    return
                self._send(status, json.dumps(payload).encode())

            def _reset(self) -> None:
                """Drop the connection abruptly (RST), as a failing proxy or server would."""
                linger = struct.pack("ii", 1, 0)
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                self.close_connection = True
                self.connection.close()

            def finish(self) -> None:
                with contextlib.suppress(OSError):
                    super().finish()

        return Handler


def _multipart(content_type: str, body: bytes) -> dict[str, Any]:
    """The fields of a multipart/form-data body: files as bytes, other values JSON-decoded."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    params: dict[str, Any] = {}
    for part in parsed.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(payload, bytes):
            continue
        if part.get_filename() is not None:
            params[name] = payload
            continue
        text = payload.decode()
        try:
            params[name] = json.loads(text)
        except ValueError:
            params[name] = text
    return params
