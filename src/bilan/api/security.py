"""The write token: ``Authorization: Bearer <Settings.api_token>``, compared in constant time.

With no token configured, writes are refused (503 E_WRITES_DISABLED) rather than left open.
"""

from __future__ import annotations

import hmac

from fastapi import Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from bilan.api.errors import ApiError

bearer = HTTPBearer(auto_error=False, description="Settings.api_token (BILAN_API_TOKEN)")


def token_matches(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def check_token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    expected: str | None = request.app.state.settings.api_token
    if not expected:
        raise ApiError(
            503,
            "E_WRITES_DISABLED",
            "writes are disabled: set api_token (BILAN_API_TOKEN) on the server to enable them",
        )
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "E_AUTH", "this endpoint needs 'Authorization: Bearer <api_token>'")
    if not token_matches(expected, credentials.credentials):
        raise ApiError(401, "E_AUTH", "the bearer token is wrong")
