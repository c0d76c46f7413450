"""The screening pipeline: every step over one text, overlaps settled, one list of findings.

Pure: the text, the form's language, whether the case is anonymous, the administrator's extra
phrases and the commissioner's country come in; findings go out. Reading the extra phrases
from the database is moderation.selectors.screening_terms's job.
"""

from __future__ import annotations

from collections.abc import Iterable

from .abuse import find_abuse
from .findings import ABUSE, IDENTIFYING_KINDS, KINDS, RISK, Finding, settle
from .folding import Prepared
from .identifiers import find_identifying_details
from .risk import find_risk
from .wordlists import Term, hits_in, index_for


def screen(text: str, *, language: str, anonymous: bool, extra_terms: Iterable[Term] = (),
           country: str | None = None) -> list[Finding]:
    """Every finding in `text`, in order: risk and abuse always, identifying details only for an
    anonymous case (a named person has said who they are). Every shipped list applies whatever
    `language` is; an extra term in "en" or "fr" only applies to texts sent in that language."""
    base = language_base(language)
    extra = [term for term in extra_terms if term.language in ("any", base) and term.phrase.strip()]
    prepared = Prepared.of(text)
    hits = hits_in(prepared, index_for(_as_key(extra)))
    findings = find_risk(prepared, hits[RISK]) + find_abuse(prepared, hits[ABUSE])
    if anonymous:
        findings += find_identifying_details(text, prepared=prepared, country=country)
    return settle(findings)


def _as_key(terms: list[Term]) -> tuple[Term, ...]:
    """The same terms in the same order however they came, so the index is built once."""
    return tuple(sorted(set(terms), key=lambda t: (t.kind, t.phrase, t.language)))


def language_base(language: str) -> str:
    """"fr-CA", "fr_ca" and "FR" are all "fr"."""
    return language.replace("_", "-").split("-", 1)[0].strip().lower()


def needs_moderation(findings: Iterable[Finding]) -> bool:
    """Whether a moderator must see the text first (§6): anything flagged waits, whatever its
    kind (an identifying detail sent anyway, abuse to redact, a risk to act on)."""
    return any(finding.kind in KINDS for finding in findings)


def risk_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that make a case urgent."""
    return [f for f in findings if f.kind == RISK]


def identifying_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The findings the anonymous person is warned about before sending."""
    return [f for f in findings if f.kind in IDENTIFYING_KINDS]
