"""Bilingual text: every user-facing message exists in Swedish (default) and English.

>>> t = Text(sv="anhörig", en="carer")
>>> t.in_("en")
'carer'
>>> str(t)
'anhörig'

Messages quote input values back, and input may hold personal data where it does
not belong. `mask_personal_data` hides it in a message; `quote` quotes a bad value
back with it hidden:

>>> quote("19391225-0028")
"'19391225-****'"
>>> quote("Anna Karlsson")
"'A. K.'"
>>> mask_personal_data("got 'Anna Karlsson' and id-193912250028x")
"got 'A. K.' and id-19391225****x"

The definitions live in the ground module ``anhorig._text``, with the errors that
carry such messages; this module is their public face.
"""

from anhorig._text import (
    LANGUAGES,
    LabelledEnum,
    Lang,
    Text,
    check_lang,
    mask_personal_data,
    mask_value,
    quote,
)

__all__ = [
    "LANGUAGES",
    "LabelledEnum",
    "Lang",
    "Text",
    "check_lang",
    "mask_personal_data",
    "mask_value",
    "quote",
]
