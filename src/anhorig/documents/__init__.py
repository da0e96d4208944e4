"""Documents' machinery: the compiled fast readers and the JSON Schema builder.

``anhorig.serialization`` holds the strict converter and the document envelope; this
package holds what reads and describes a document's shape beside it. It sits a floor
below serialization: nothing here imports the converter, which a reader is handed.
"""

import typing

from anhorig import _arguments
from anhorig.documents._reader import Reader, reader
from anhorig.documents._shapes import (
    SCALAR_DOCUMENTS,
    SCHEMA_VERSION,
    DocumentForm,
    document_form,
    is_attrs_union,
    is_collection,
    is_enum,
    is_literal,
    is_set_type,
    register_form,
    schema_version,
    union_members,
)

__all__ = [
    "SCALAR_DOCUMENTS",
    "SCHEMA_VERSION",
    "DocumentForm",
    "Reader",
    "document_form",
    "is_attrs_union",
    "is_collection",
    "is_enum",
    "is_literal",
    "is_set_type",
    "json_schema",
    "reader",
    "register_form",
    "schema_version",
    "union_members",
]


@_arguments.checked
def json_schema(cl: type) -> dict[str, typing.Any]:
    """The JSON Schema (draft 2020-12) of documents of type ``cl``, for non-Python users."""
    # The schema builder (ast, inspect, pendulum) is imported when first asked for:
    # reading a document does not need it (issue 14).
    from anhorig.documents._schema import json_schema as schema_of

    return schema_of(cl)
