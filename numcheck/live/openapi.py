"""The OpenAPI 3.1 description of ``numcheck serve``, served at ``/openapi.json``.

Kept as data beside the service so a CMS team can generate a client from it; the claim, relation
and finding objects are described by the published report schema (``numcheck/report.schema.json``),
which the ``--format json`` output follows and this service returns unchanged. Keep the paths here
in step with `numcheck.live.serve` (a test compares them with the app's routes).
"""

from __future__ import annotations

from typing import Any

__all__ = ["openapi"]

_ERROR = {"description": "One-line reason",
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_TEXT_IN = {
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "description": "The article, as plain text, Markdown or HTML."},
        "path": {"type": "string", "description": "A label for the article; its suffix (.md, .html) picks the "
                 "markup. Never opened, never used to find configuration."},
        "select": {"type": "array", "items": {"type": "string"},
                   "description": "Only these rule ids or check kinds (from the packs the server loaded)."},
        "disable": {"type": "array", "items": {"type": "string"}, "description": "Skip these rule ids or check kinds."},
    },
}
_COMMON_ERRORS = {"400": _ERROR, "403": _ERROR, "413": _ERROR, "503": _ERROR}


def _post(summary: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"post": {"summary": summary,
                     "requestBody": {"required": True, "content": {"application/json": {"schema": _TEXT_IN}}},
                     "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
                                   **_COMMON_ERRORS}}}


def _get(summary: str, schema: dict[str, Any], content_type: str = "application/json") -> dict[str, Any]:
    return {"get": {"summary": summary,
                    "responses": {"200": {"description": "OK", "content": {content_type: {"schema": schema}}},
                                  "403": _ERROR}}}


def openapi(version: str) -> dict[str, Any]:
    """The description of this server's API, for numcheck ``version``."""
    summary = {"type": "object", "properties": {"files": {"type": "integer"}, "claims": {"type": "integer"},
                                                "findings": {"type": "integer"},
                                                "by_severity": {"type": "object",
                                                                "additionalProperties": {"type": "integer"}}}}
    array = {"type": "array", "items": {"type": "object"}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "numcheck", "version": version,
                 "description": "Check that the figures of a news article agree with each other."},
        "paths": {
            "/v1/check": _post("Check one article: the files[0] object of `numcheck check --format json` plus "
                               "its summary",
                               {"type": "object", "required": ["path", "claims", "relations", "findings", "summary"],
                                "properties": {"path": {"type": "string"}, "claims": array, "relations": array,
                                               "findings": array, "summary": summary}}),
            "/v1/extract": _post("Every quantity in one article",
                                 {"type": "object", "required": ["claims"], "properties": {"claims": array}}),
            "/v1/html": _post("The article section of the HTML report for one article (what the page shows)",
                              {"type": "object", "required": ["html", "summary"],
                               "properties": {"html": {"type": "string"}, "summary": summary}}),
            "/v1/rules": _get("The rules this server loaded", {"type": "object", "properties": {"rules": array}}),
            "/healthz": _get("Health", {"type": "object", "properties": {"status": {"const": "ok"}}}),
            "/openapi.json": _get("This description", {"type": "object"}),
            "/": _get("The editor page", {"type": "string"}, "text/html"),
        },
        "components": {"schemas": {"Error": {"type": "object", "required": ["error"],
                                             "properties": {"error": {"type": "string"}}}}},
    }
