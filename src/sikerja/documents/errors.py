"""Error codes of the documents app (naskah dinas)."""

from __future__ import annotations

from enum import StrEnum


class DocumentErrorCode(StrEnum):
    UNKNOWN_DOC_TYPE = "unknown_doc_type"
    UNKNOWN_MEDIUM = "unknown_medium"
    TITLE_REQUIRED = "title_required"
    SIGNER_REQUIRED = "signer_required"
    ISSUING_AGENCY = "issuing_agency_invalid"
    REASON_REQUIRED = "reason_required"
    FILE_CORRUPT = "letter_file_corrupt"
    LAMBANG_INVALID = "lambang_invalid"
    LAMBANG_MISSING = "lambang_missing"
    LETTERHEAD_LINES_REQUIRED = "letterhead_lines_required"
    LETTERHEAD_FIELD_INVALID = "letterhead_field_invalid"
