"""A minimal Language Server Protocol client over a `chartproof lsp` process: frames JSON-RPC
messages, reads them back with a timeout (never hangs a test), and keeps the diagnostics published
per URI. The protocol tests (test_lsp.py) drive the server with it."""
import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any, Dict, List, Optional


class Client:
    def __init__(self, cli: str, cwd: Path) -> None:
        self.process = subprocess.Popen([cli, "lsp", "--stdio"], cwd=cwd, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.buffer = b""
        self.next_id = 0
        self.diagnostics: Dict[str, List[Dict[str, Any]]] = {}
        self.published: List[str] = []

    def write(self, raw: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(raw)
        self.process.stdin.flush()

    def send(self, message: Dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def receive(self, timeout: float = 30.0) -> Optional[Dict[str, Any]]:
        """The next message, or None when none comes within `timeout` or the server closed."""
        end = time.monotonic() + timeout
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                header = self.buffer[:header_end].decode()
                assert header.startswith("Content-Length: "), header
                length = int(header.split(":")[1])
                if len(self.buffer) >= header_end + 4 + length:
                    body = self.buffer[header_end + 4:header_end + 4 + length]
                    self.buffer = self.buffer[header_end + 4 + length:]
                    message = json.loads(body)
                    if message.get("method") == "textDocument/publishDiagnostics":
                        self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
                        self.published.append(message["params"]["uri"])
                    return message
            ready, _, _ = select.select([fd], [], [], max(0.0, end - time.monotonic()))
            if not ready:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self.buffer += chunk

    def request(self, method: str, params: Any = None, timeout: float = 60.0) -> Dict[str, Any]:
        """Sends a request and returns its response (diagnostics arriving meanwhile are kept)."""
        self.next_id += 1
        message: Dict[str, Any] = {"id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        while True:
            answer = self.receive(timeout)
            assert answer is not None, f"no response to {method}"
            if answer.get("id") == self.next_id:
                return answer

    def wait_for_diagnostics(self, uri: str, timeout: float = 60.0) -> List[Dict[str, Any]]:
        """The next diagnostics published for `uri`."""
        self.published.clear()
        end = time.monotonic() + timeout
        while uri not in self.published:
            assert self.receive(max(0.0, end - time.monotonic())) is not None, f"no diagnostics for {uri}"
        return self.diagnostics[uri]

    def initialize(self, options: Optional[Dict[str, Any]] = None,
                   capabilities: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        answer = self.request("initialize", {"processId": None, "rootUri": None, "capabilities": capabilities or {},
                                             "initializationOptions": options or {}})
        self.notify("initialized", {})
        return answer

    def open(self, path: Path, text: Optional[str] = None) -> str:
        uri = path.resolve().as_uri()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text() if text is None else text}})
        return uri

    def change(self, uri: str, text: str, version: int = 2) -> None:
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": [{"text": text}]})

    def close(self) -> int:
        """shutdown, exit, and the exit code (the process must end)."""
        assert self.request("shutdown")["result"] is None
        self.notify("exit", None)
        return self.process.wait(timeout=10)


def apply_text_edits(text: str, edits: List[Dict[str, Any]]) -> str:
    """LSP TextEdits (0-based lines, UTF-16 characters; ASCII here) applied to a text."""
    lines = text.split("\n")
    offset = lambda p: sum(len(x) + 1 for x in lines[:p["line"]]) + p["character"]  # noqa: E731
    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                       reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text
