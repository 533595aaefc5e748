"""POST /extract (text in, contract JSON out) and POST /articles (extract, then store)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from bilan.api.deps import ServicesDep, require_token
from bilan.api.errors import ERROR_RESPONSES, WRITE_RESPONSES
from bilan.api.schemas import ArticleIn, IngestResult
from bilan.contract import from_contract
from bilan.ingest.readers import make_article
from bilan.model import Article

router = APIRouter(tags=["extraction"])


def article_of(body: ArticleIn) -> Article:
    return make_article(
        body.text, id=body.id, title=body.title, published=body.published, url=body.url
    )


@router.post(
    "/extract",
    summary="Extract counts, quotes, places, dates and events from one article",
    responses={
        200: {"description": "the output contract of GOLD.md §3 (schema: GET /schema)"},
        **ERROR_RESPONSES,
    },
)
def extract(body: ArticleIn, svc: ServicesDep) -> JSONResponse:
    data: dict[str, Any] = svc.contract(article_of(body))
    return JSONResponse(data)


@router.post(
    "/articles",
    summary="Extract and store one article (idempotent: the same article twice is stored once)",
    response_model=IngestResult,
    responses=WRITE_RESPONSES,
    dependencies=[Depends(require_token)],
)
def ingest(body: ArticleIn, svc: ServicesDep) -> JSONResponse:
    article = article_of(body)
    result = svc.store.add(article, from_contract(svc.contract(article)))
    return JSONResponse(result.model_dump(mode="json"), status_code=201 if result.created else 200)
