"""Typed error responses: every failure is ``{"error": {"code", "message", "field"}}``.

bilan's own exceptions keep their stable codes (E_EMPTY, E_LANGUAGE, E_NOT_FOUND…) and get an
HTTP status from :data:`STATUS`; FastAPI's validation errors become E_INVALID (422), and the
API's own refusals (E_AUTH, E_BODY_TOO_LARGE, E_PAGE_TOO_LARGE) are raised as :class:`ApiError`.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from bilan.api.schemas import ErrorBody, ErrorDetail
from bilan.errors import (
    BilanError,
    ConfigError,
    InputError,
    LanguageError,
    NotFoundError,
    PipelineError,
    StoreError,
    TooLargeError,
)

#: HTTP status of each bilan error class (the most specific class listed wins)
STATUS: tuple[tuple[type[BilanError], int], ...] = (
    (NotFoundError, 404),
    (TooLargeError, 413),
    (LanguageError, 422),
    (InputError, 422),
    (StoreError, 503),
    (PipelineError, 500),
    (ConfigError, 500),
)


class ApiError(Exception):
    """A refusal of the HTTP layer itself, with its status and stable code."""

    def __init__(self, status: int, code: str, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field


def error_response(
    status: int, code: str, message: str, *, field: str | None = None
) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message, field=field))
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def status_of(exc: BilanError) -> int:
    for cls, status in STATUS:
        if isinstance(exc, cls):
            return status
    return 500


async def _bilan_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BilanError)
    return error_response(status_of(exc), exc.code, exc.message)


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, field=exc.field)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
    where = ".".join(str(part) for part in first.get("loc", ()))
    return error_response(422, "E_INVALID", f"{where}: {first.get('msg')}", field=where or None)


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = {404: "E_NOT_FOUND", 405: "E_METHOD"}.get(exc.status_code, "E_HTTP")
    return error_response(exc.status_code, code, str(exc.detail))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(BilanError, _bilan_error)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)


#: the error responses to document on every route (OpenAPI)
ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorBody, "description": "no such record"},
    422: {"model": ErrorBody, "description": "invalid request or unreadable article"},
}
WRITE_RESPONSES: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorBody, "description": "missing or wrong bearer token"},
    413: {"model": ErrorBody, "description": "body over api_max_body bytes"},
    422: {"model": ErrorBody, "description": "invalid request or unreadable article"},
    503: {"model": ErrorBody, "description": "writes are disabled: no api_token is set"},
}
