"""A fake Telegram Bot API server on loopback, for end-to-end tests of the real bot.

It answers the methods the bot uses (getMe, getUpdates with long polling and offsets,
deleteWebhook, sendMessage, editMessageText, answerCallbackQuery, answerInlineQuery,
setMyCommands, getFile, file download) and records every call. Like Telegram, it refuses an
HTML message that is too long or not valid Telegram HTML. Tests push updates with ``push``
and wait for the bot's calls with ``wait_for``.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote

from tests.telegram_html_check import html_problems

BOT_ID = 4242
BOT_USERNAME = "AsiaForwardBot"


class FakeBotApi:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.fail_next: set[str] = set()
        self._cond = threading.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
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

    def push(self, update: dict[str, Any]) -> int:
        with self._cond:
            update_id = next(self._update_ids)
            self.updates.append({"update_id": update_id, **update})
            self._cond.notify_all()
        return update_id

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
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 2.0)
        with self._cond:
            while True:
                ready = [u for u in self.updates if u["update_id"] >= offset]
                left = deadline - time.monotonic()
                if ready or left <= 0:
                    return ready
                self._cond.wait(left)

    def call(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method != "getUpdates":
            with self._cond:
                self.calls.append((method, params))
                self._cond.notify_all()
        if method in self.fail_next:
            self.fail_next.discard(method)
            return 400, {"ok": False, "error_code": 400, "description": "Bad Request: test"}
        if method in ("sendMessage", "editMessageText") and params.get("parse_mode") == "HTML":
            problems = html_problems(str(params.get("text", "")))  # as Telegram would refuse
            if problems:
                description = f"Bad Request: can't parse message: {'; '.join(problems)}"
                return 400, {"ok": False, "error_code": 400, "description": description}
        result: Any
        if method == "getMe":
            result = self._me()
        elif method == "getUpdates":
            result = self._get_updates(params)
        elif method in ("sendMessage", "editMessageText"):
            result = self._message(params)
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
                raw = self.rfile.read(length).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    params = json.loads(raw or "{}")
                else:
                    params = {}
                    for key, values in parse_qs(raw).items():
                        try:
                            params[key] = json.loads(values[0])
                        except ValueError:
                            params[key] = values[0]
                status, payload = api.call(self.path[len(prefix) :], params)
                self._send(status, json.dumps(payload).encode())

        return Handler
