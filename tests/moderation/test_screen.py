"""The one entry point, `screen`: every finding of every step, in order, overlaps settled."""

from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.screening import (
    IDENTIFYING_KINDS, KINDS, Finding, Term, identifying_findings, needs_moderation,
    risk_findings, screen)
from moderation.screening.findings import settle

from .helpers import found


def test_kinds_are_exactly_the_eight():
    assert KINDS == ("email", "phone", "postcode", "health_number", "date_of_birth", "name",
                     "abuse", "risk")
    assert IDENTIFYING_KINDS == set(KINDS) - {"abuse", "risk"}


def test_several_findings_come_back_in_order_with_offsets_reasons_and_confidence():
    text = ("My name is Jane Smith, born 3 May 1950. Call 07700 900123 or jane.smith@example.org.\n"
            "I live near SW1A 1AA, NHS number 943 476 5919. This is shit and I want to die.\n"
            "Regards,\nJane Smith")
    findings = screen(text, language="en", anonymous=True)
    assert [(f.kind, f.text) for f in findings] == [
        ("name", "Jane Smith"), ("date_of_birth", "3 May 1950"), ("phone", "07700 900123"),
        ("email", "jane.smith@example.org"), ("postcode", "SW1A 1AA"),
        ("health_number", "943 476 5919"), ("abuse", "shit"), ("risk", "want to die"),
        ("name", "Jane Smith"),
    ]
    for finding in findings:
        assert text[finding.start:finding.end] == finding.text
        assert finding.reason and 0 < finding.confidence <= 1
    assert findings[2] == Finding("phone", 45, 57, "07700 900123", findings[2].reason, 0.7)


def test_a_named_case_is_screened_for_abuse_and_risk_only():
    text = "My name is Jane Smith, call 07700 900123. Fuck this, I want to die."
    assert found(text, anonymous=False) == [("abuse", "Fuck"), ("risk", "want to die")]


def test_helpers_sort_findings_for_the_callers():
    findings = screen("call 07700 900123, I want to die", language="en", anonymous=True)
    assert [f.kind for f in identifying_findings(findings)] == ["phone"]
    assert [f.kind for f in risk_findings(findings)] == ["risk"]
    assert needs_moderation(findings) and not needs_moderation([])


def test_overlaps_are_settled_by_kind_then_length():
    findings = [Finding("phone", 0, 12, "x" * 12), Finding("health_number", 0, 12, "x" * 12),
                Finding("name", 10, 20, "y" * 10), Finding("abuse", 30, 34, "z" * 4),
                Finding("risk", 32, 40, "w" * 8)]
    assert [(f.kind, f.start) for f in settle(findings)] == [("health_number", 0),
                                                             ("risk", 32)]
    assert settle(reversed(findings)) == settle(findings)


def test_extra_terms_apply_in_their_language_or_in_any():
    assert found("they kept him in the shed", kinds={"risk"}) == []
    extra = [Term("risk", "kept {obj} in the shed*", "any"), Term("abuse", "numpty head", "en"),
             Term("abuse", "nono", "fr")]
    assert found("they kept him in the shed, numpty head, nono", extra_terms=extra) == [
        ("risk", "kept him in the shed"), ("abuse", "numpty head")]
    assert found("ils disent nono, kept me in the sheds", language="fr-CA",
                 extra_terms=extra) == [("abuse", "nono"), ("risk", "kept me in the sheds")]


# Fragments that look like the start of a detail, so generated texts reach deep into the steps.
_FRAGMENTS = st.sampled_from(
    [
        "0", "07700", "900123", "+44", "+1", "(919)", "555", "-", ".", " ", "\n", "/", "@",
        "example.com", "SW1A", "1AA", "H2X", "1Y4", "NC", "27601", "TREM", "8001", "0112",
        "943", "476", "5919", "member ID", "NHS number", " is ", "My name is", "I am", "Mr",
        "M.", "Jane", "Smith", "Côté", "Regards,", "Cordialement,", "FB-7K3M-2XD9", ":",
        "born", "né le", "3 mars", "1985", "DOB", "my son", "f*ck", "sh1t", "tabarn@k", "œ",
        "e\u0301", "kill myself", "hit me", "not", "!", "’", "fuuuck", "f u c k",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=300), st.lists(_FRAGMENTS | st.text(max_size=3), max_size=60).map("".join)
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.booleans())
def test_findings_are_sorted_disjoint_spans_of_the_text(text, anonymous):
    findings = screen(text, language="en", anonymous=anonymous)
    for finding in findings:
        assert finding.kind in KINDS
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.text
    for before, after in zip(findings, findings[1:]):
        assert before.end <= after.start
