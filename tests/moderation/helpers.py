"""Shared by the screening tests: what `screen` finds, as (kind, text) pairs."""

from moderation.screening import screen


def found(text: str, *, language: str = "en", anonymous: bool = True,
          kinds: set[str] | None = None, **options) -> list[tuple[str, str]]:
    """The findings of `screen` in `text` as (kind, text), in order; only `kinds` when given."""
    findings = screen(text, language=language, anonymous=anonymous, **options)
    return [(f.kind, f.text) for f in findings if kinds is None or f.kind in kinds]
