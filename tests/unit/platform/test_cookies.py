import pytest
from starlette.requests import Request

from mungmo.platform.http.cookies import cookies_secure


def _request(scheme: str, host: str) -> Request:
    return Request(
        {
            "type": "http",
            "scheme": scheme,
            "method": "GET",
            "path": "/",
            "query_string": b"",
            "headers": [(b"host", host.encode())],
            "server": ("127.0.0.1", 8000),
        }
    )


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "localhost"])
def test_plain_http_to_this_machine_is_the_only_insecure_default(host: str) -> None:
    assert cookies_secure(_request("http", host), None) is False
    assert cookies_secure(_request("https", host), None) is True


@pytest.mark.parametrize("host", ["mungmo.example", "localhost.mungmo.example", "10.0.0.5:8000"])
def test_any_other_host_gets_secure_cookies(host: str) -> None:
    assert cookies_secure(_request("http", host), None) is True


def test_the_setting_wins_either_way() -> None:
    assert cookies_secure(_request("http", "mungmo.example"), False) is False
    assert cookies_secure(_request("http", "localhost:8000"), True) is True
