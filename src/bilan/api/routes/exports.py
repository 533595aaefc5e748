"""GET /export/{format}: the CLI's exports over HTTP, with the same filters."""

from __future__ import annotations

import io
from enum import StrEnum

from fastapi import APIRouter
from fastapi.responses import Response

from bilan.api.deps import FiltersDep, ServicesDep
from bilan.api.errors import ERROR_RESPONSES
from bilan.api.selection import collect
from bilan.export import FORMATS, write

router = APIRouter(tags=["export"], responses=ERROR_RESPONSES)

ExportFormat = StrEnum("ExportFormat", {name.replace("-", "_"): name for name in FORMATS})  # type: ignore[misc]


@router.get(
    "/export/{fmt}",
    summary="Download the filtered data as ACLED/UCDP/IDMC CSV, GeoJSON, JSONL or Parquet",
    response_class=Response,
    responses={200: {"content": {media: {} for media, _ in FORMATS.values()}}},
)
def export(fmt: ExportFormat, svc: ServicesDep, f: FiltersDep) -> Response:
    media, ext = FORMATS[fmt.value]
    buffer = io.BytesIO()
    write(fmt.value, collect(svc.store, f), buffer)
    filename = f"bilan-{fmt.value}.{ext}"
    return Response(
        buffer.getvalue(),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
