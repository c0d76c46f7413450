"""Receipt codes and case references.

A receipt code is the only key an anonymous person holds to their case. It carries 80 random bits,
written in Crockford base32 in groups of four so it can be read aloud (`K7QM-2XD9-PH4T-8WNB`).
The code is derived from the form's one-time submission token with a keyed hash, so a double submit
shows the same code again; only a second keyed hash of the code is stored, and checks compare in
constant time.
"""

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O or U
CODE_BITS = 80
GROUP = 4
# Letters people misread or mistype, mapped as Crockford's decoding rules say.
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def _keyed(purpose: str, value: str) -> bytes:
    return hmac.new(settings.RECEIPT_KEY.encode(), f"{purpose}:{value}".encode(),
                    hashlib.sha256).digest()


def _base32(data: bytes, bits: int) -> str:
    number = int.from_bytes(data, "big") >> (len(data) * 8 - bits)
    chars = []
    for _ in range(bits // 5):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def _grouped(raw: str) -> str:
    return "-".join(raw[i:i + GROUP] for i in range(0, len(raw), GROUP))


def new_submission_token() -> str:
    """A fresh one-time token for a feedback form (128 random bits)."""
    return secrets.token_urlsafe(16)


def submission_key(token: str) -> str:
    """The stored, keyed form of a submission token, which makes a double submit find its case."""
    return _keyed("submission", token).hex()


def code_for_token(token: str) -> str:
    """The receipt code that belongs to a submission token."""
    return _grouped(_base32(_keyed("receipt", token), CODE_BITS))


def normalise(code: str) -> str:
    """Upper-case, drop spaces and dashes, and read I/L as 1 and O as 0."""
    return "".join(ch for ch in code.upper() if ch.isalnum()).translate(_READ_AS)


def looks_like_code(code: str) -> bool:
    raw = normalise(code)
    return len(raw) == CODE_BITS // 5 and all(ch in ALPHABET for ch in raw)


def code_hash(code: str) -> str:
    """The only form of a receipt code the database ever holds."""
    return _keyed("code", normalise(code)).hex()


def code_matches(code: str, stored_hash: str | None) -> bool:
    """Whether `code` belongs to `stored_hash`, compared in constant time."""
    if not stored_hash:
        return False
    return hmac.compare_digest(code_hash(code), stored_hash)


def new_reference() -> str:
    """A case reference people can quote on the phone, e.g. `FB-7K3M-2XD9` (not a secret)."""
    return "FB-" + _grouped(_base32(secrets.token_bytes(5), 40))


def address_key(address: str) -> str:
    """A keyed hash of a client address for short-lived rate-limit counters in the cache."""
    return _keyed("address", address).hex()[:32]
