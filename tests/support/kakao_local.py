"""A local HTTP server that answers Kakao Local's coord2regioncode the way Kakao does,
for the areas a test describes. Tests point MUNGMO_MEMBER_KAKAO_BASE_URL at it."""

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class KakaoArea:
    """A box (south, west, north, east) lying in one 행정동 (H) and one 법정동 (B)."""

    south: float
    west: float
    north: float
    east: float
    h_code: str
    h_name: str  # full address name, e.g. "서울특별시 종로구 청운효자동"
    b_code: str
    b_name: str

    def holds(self, x: float, y: float) -> bool:
        return self.south <= y <= self.north and self.west <= x <= self.east

    def documents(self, x: float, y: float) -> list[dict[str, Any]]:
        return [
            self._document("B", self.b_code, self.b_name, x, y),
            self._document("H", self.h_code, self.h_name, x, y),
        ]

    @staticmethod
    def _document(kind: str, code: str, name: str, x: float, y: float) -> dict[str, Any]:
        parts = name.split()
        return {
            "region_type": kind,
            "code": code,
            "address_name": name,
            "region_1depth_name": parts[0],
            "region_2depth_name": " ".join(parts[1:-1]),
            "region_3depth_name": parts[-1],
            "region_4depth_name": "",
            "x": x,
            "y": y,
        }


@dataclass
class FakeKakaoLocal:
    rest_key: str
    areas: list[KakaoArea]
    # Set to make every answer an HTTP 500 (Kakao having a bad day).
    failing: bool = False
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    def answer(self, path: str, query: dict[str, list[str]], auth: str | None) -> tuple[int, Any]:
        self.requests.append({"path": path, "query": query, "authorization": auth})
        if self.failing:
            return 500, {"errorType": "InternalServerError", "message": "temporary failure"}
        if auth != f"KakaoAK {self.rest_key}":
            return 401, {"errorType": "AccessDeniedError", "message": "cannot find appkey"}
        if path != "/v2/local/geo/coord2regioncode.json":
            return 404, {"errorType": "NotFound", "message": path}
        try:
            x, y = float(query["x"][0]), float(query["y"][0])
        except (KeyError, ValueError):
            return 400, {"errorType": "InvalidArgument", "message": "x and y are required"}
        documents = next((a.documents(x, y) for a in self.areas if a.holds(x, y)), [])
        return 200, {"meta": {"total_count": len(documents)}, "documents": documents}


@contextmanager
def fake_kakao_local(rest_key: str, areas: list[KakaoArea]) -> Iterator[FakeKakaoLocal]:
    fake = FakeKakaoLocal(rest_key=rest_key, areas=areas)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            status, body = fake.answer(
                parts.path, parse_qs(parts.query), self.headers.get("Authorization")
            )
            raw = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json;charset=UTF-8")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, format: str, *args: Any) -> None:
            return  # keep test output quiet

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
