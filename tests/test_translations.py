"""Every string has a current French (Canada) translation; service-user pages show no English."""

import gettext
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.factories import ServiceFactory

BASE_DIR = Path(__file__).resolve().parent.parent
PO_RELATIVE = Path("locale/fr_CA/LC_MESSAGES/django.po")
PO_PATH = BASE_DIR / PO_RELATIVE
MO_PATH = PO_PATH.with_suffix(".mo")

# The same command as the Makefile's `messages` target, so the completeness check sees what it sees.
MAKEMESSAGES = ["makemessages", "--locale", "fr_CA", "--no-location", "--ignore", ".venv/*",
                "--ignore", "tests/*", "--ignore", "bench/*", "--ignore", "staticfiles/*"]
HOW_TO_FIX = ("run `make messages` and translate the new entries in "
              "locale/fr_CA/LC_MESSAGES/django.po")

# printf-style placeholders as Python and gettext read them: %(name)s, %s, %d, %.1f ...
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrs]")
HTML_TAG = re.compile(r"<[^>]+>")


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text.replace("%%", "")))


def _tags(text: str) -> list[str]:
    # Tags with placeholders in them (<a href="%(url)s">) must come through unchanged too.
    return sorted(HTML_TAG.findall(text))


def _key(entry: polib.POEntry) -> tuple:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def _forms(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


@pytest.fixture(scope="module")
def catalogue() -> polib.POFile:
    return polib.pofile(str(PO_PATH))


def test_catalogue_header_is_french_canadian_with_french_plurals(catalogue):
    assert catalogue.metadata["Language"] == "fr_CA"
    assert "charset=UTF-8" in catalogue.metadata["Content-Type"]
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert not catalogue.metadata_is_fuzzy, "the header is still marked fuzzy"


def test_every_entry_is_translated_and_none_is_fuzzy_or_obsolete(catalogue):
    untranslated = [e.msgid for e in catalogue if not e.obsolete and not all(_forms(e))]
    wrong_plurals = [e.msgid for e in catalogue if e.msgid_plural and len(e.msgstr_plural) != 2]
    fuzzy = [e.msgid for e in catalogue if "fuzzy" in e.flags]
    obsolete = [e.msgid for e in catalogue if e.obsolete]
    assert not untranslated, f"untranslated: {untranslated}"
    assert not wrong_plurals, f"French has two plural forms; check: {wrong_plurals}"
    assert not fuzzy, f"check these translations and remove their fuzzy flag: {fuzzy}"
    assert not obsolete, f"delete these obsolete (#~) entries: {obsolete}"


def test_translations_keep_every_placeholder_and_html_tag(catalogue):
    problems = []
    for entry in catalogue.translated_entries():
        english = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        for translation in _forms(entry):
            # A plural form may follow either English form (French uses the singular for 0 too).
            if not any(_placeholders(translation) == _placeholders(e) for e in english):
                problems.append(f"placeholders differ: {entry.msgid!r} -> {translation!r}")
            if not any(_tags(translation) == _tags(e) for e in english):
                problems.append(f"HTML tags differ: {entry.msgid!r} -> {translation!r}")
    assert not problems, "\n".join(problems)


def test_compiled_catalogue_matches_the_po_file(catalogue):
    stale = (f"{MO_PATH.name} is out of date: "
             "run `.venv/bin/python manage.py compilemessages --locale fr_CA`")
    assert MO_PATH.exists(), stale
    with MO_PATH.open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    different = []
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            # n=1 and n=2 reach msgstr[0] and msgstr[1] through the header's Plural-Forms.
            got = [compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                   if entry.msgctxt else compiled.ngettext(entry.msgid, entry.msgid_plural, n)
                   for n in (1, 2)]
        else:
            got = [compiled.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt
                   else compiled.gettext(entry.msgid)]
        if got != _forms(entry):
            different.append(entry.msgid)
    assert not different, f"{stale}; these differ: {different}"
    compiled_ids = {_key(e) for e in polib.mofile(str(MO_PATH))}
    assert compiled_ids == {_key(e) for e in catalogue.translated_entries()}, stale


@pytest.mark.skipif(shutil.which("xgettext") is None or shutil.which("msgmerge") is None,
                    reason="GNU gettext is not installed (make system-packages)")
def test_catalogue_has_every_string_the_code_marks_for_translation(catalogue, tmp_path):
    # makemessages rewrites the catalogue in place, so it runs on a copy of the project.
    copy = tmp_path / "project"
    shutil.copytree(BASE_DIR, copy, ignore=shutil.ignore_patterns(
        ".venv", ".git", ".hypothesis", ".*cache", "staticfiles", "media", "tests", "bench",
        "node_modules", "__pycache__", "*.sqlite3*", "*.pyc", "*.mo"))
    run = subprocess.run([sys.executable, "manage.py", *MAKEMESSAGES], cwd=copy,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, f"makemessages failed:\n{run.stdout}\n{run.stderr}"

    in_code = {_key(e) for e in polib.pofile(str(copy / PO_RELATIVE))
               if not e.obsolete}
    translated = {_key(e) for e in catalogue.translated_entries() if "fuzzy" not in e.flags}
    missing = sorted(msgid for _, msgid, _ in in_code - translated)
    assert not missing, (f"{len(missing)} string(s) in the code have no French translation: "
                         f"{HOW_TO_FIX}.\n" + "\n".join(missing))


SERVICE_USER_PAGES = ["/", "/services/", "/feedback/new/", "/feedback/new/?service={slug}",
                      "/track/"]
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_READ_ALOUD_ATTRIBUTE = re.compile(r'\s(?:aria-label|title|alt|placeholder)="([^"]*)"', re.I)


def _visible_text(page: str) -> str:
    """The words a person reads or hears on the page: text, plus labels screen readers speak."""
    page = _SCRIPT_OR_STYLE.sub(" ", page)
    spoken = " ".join(_READ_ALOUD_ATTRIBUTE.findall(page))
    return " ".join(html.unescape(f"{HTML_TAG.sub(' ', page)} {spoken}").split())


def _english_patterns(catalogue) -> dict[str, re.Pattern]:
    """English strings long enough not to match by chance and whose French differs."""
    patterns = {}
    for entry in catalogue.translated_entries():
        for english, french in zip([entry.msgid, entry.msgid_plural or entry.msgid], _forms(entry)):
            words = " ".join(HTML_TAG.sub(" ", english).split())
            # Too short to match by chance, the same in French, or no words of its own ("%(day)s:
            # %(why)s" is punctuation around placeholders).
            if len(english) < 12 or english == french or \
                    len(re.findall(r"[A-Za-z]", PLACEHOLDER.sub("", words))) < 6:
                continue
            literal = [re.escape(part.strip()) for part in PLACEHOLDER.split(words)]
            patterns[english] = re.compile(r"\s*.{1,200}?\s*".join(p for p in literal if p))
    return patterns


@pytest.mark.django_db
def test_service_user_pages_in_french_show_no_english(client, catalogue):
    service = ServiceFactory()
    client.cookies["django_language"] = "fr-ca"
    english = _english_patterns(catalogue)
    responses = {url: client.get(url.format(slug=service.slug)) for url in SERVICE_USER_PAGES}
    # The form and the code lookup sent back with errors, so their messages are checked too.
    responses["POST /feedback/new/"] = client.post(f"/feedback/new/?service={service.slug}",
                                                   {"service": service.slug})
    responses["POST /track/"] = client.post("/track/", {"code": "AAAA-BBBB-CCCC-DDDD"})

    problems = []
    for url, response in responses.items():
        assert response.status_code in (200, 400), f"{url}: status {response.status_code}"
        page = response.content.decode()
        assert '<html lang="fr-CA"' in page, f"{url} does not declare lang=fr-CA"
        text = _visible_text(page)
        problems += [f"{url}: {msgid!r}" for msgid, pattern in english.items()
                     if pattern.search(text)]
    assert not problems, "English left on French pages:\n" + "\n".join(problems)


# --- holidays: named in the reader's language ------------------------------------------------

def _english_holiday_names(country: str) -> set[str]:
    """Every name the clock can give a skipped day in `country`, any subdivision, over the years
    a case can span."""
    import holidays

    from feedback.holiday_names import OBSERVED

    names = set()
    for subdivision in [None, *holidays.country_holidays(country).subdivisions]:
        found = holidays.country_holidays(country, subdiv=subdivision, years=range(2024, 2031),
                                          language="en_US")
        for name in found.values():
            for part in name.split("; "):
                observed = OBSERVED.match(part)
                names.add(observed["name"] if observed else part)
    return names


@pytest.mark.parametrize("country", ["GB", "US"])
def test_every_holiday_name_the_clock_can_show_is_in_french(catalogue, country):
    from feedback.holiday_names import NAMES

    translated = {entry.msgid: entry.msgstr for entry in catalogue
                  if not entry.obsolete and entry.msgstr and "fuzzy" not in entry.flags}
    missing = sorted(_english_holiday_names(country) - set(NAMES))
    assert not missing, f"add these to feedback/holiday_names.py NAMES, then {HOW_TO_FIX}: " \
                        f"{missing}"
    untranslated = sorted(name for name in NAMES if name not in translated)
    assert not untranslated, f"{HOW_TO_FIX}: {untranslated}"


@pytest.mark.parametrize("country, subdivision, day, english, french", [
    ("GB", "ENG", "2026-12-25", "Christmas Day", "Jour de Noël"),
    ("GB", "ENG", "2026-12-28", "Boxing Day (observed)", "Lendemain de Noël (jour reporté)"),
    ("US", "NC", "2026-07-03", "Independence Day (observed)",
     "Jour de l’Indépendance (jour reporté)"),
    # Canada's names come from the holidays package itself, in Quebec's words.
    ("CA", "QC", "2026-06-24", "National Holiday", "Fête nationale du Québec"),
])
def test_a_skipped_holiday_is_named_in_the_readers_language(country, subdivision, day, english,
                                                            french):
    from datetime import date

    from feedback.holiday_names import holiday_name

    when = date.fromisoformat(day)
    shown = holiday_name(country=country, subdivision=subdivision, day=when, english=english,
                         language="fr-ca")
    assert shown == french
    assert holiday_name(country=country, subdivision=subdivision, day=when, english=english,
                        language="en") == english


@pytest.mark.django_db
def test_the_person_reads_holidays_in_french_on_their_case(client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from feedback import receipts
    from feedback.services import Submission, case_submit

    service = ServiceFactory()  # an English commissioner (GB, ENG)
    case = case_submit(submission=Submission(
        service=service, kind="complaint", what_happened="Personne ne m’a rappelé.",
        language="fr-ca", identity_mode="anonymous_receipt"), token="noel",
        received_at=datetime(2026, 12, 22, 10, 0, tzinfo=ZoneInfo("Europe/London"))).case
    client.cookies["django_language"] = "fr-ca"
    client.post("/track/", {"code": receipts.code_for_token("noel")})
    page = client.get(f"/track/{case.reference}/").content.decode()
    assert "Jour de Noël" in page and "Lendemain de Noël" in page
    assert "Christmas" not in page and "Boxing Day" not in page


# French typography (Office québécois de la langue française): a non-breaking space before a
# colon and inside « guillemets »; none before ? ! ; in Quebec usage.
COLON_WITHOUT_SPACE = re.compile(r"(?<![\u00a0\u202f]):(?=\s|$|<|\")")
GUILLEMET_WITHOUT_SPACE = re.compile(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»")


def test_french_punctuation_has_its_non_breaking_spaces(catalogue):
    wrong = [form for entry in catalogue if not entry.obsolete for form in _forms(entry)
             if COLON_WITHOUT_SPACE.search(form) or GUILLEMET_WITHOUT_SPACE.search(form)]
    assert not wrong, "put a non-breaking space (U+00A0) before ':' and inside « »:\n" + \
        "\n".join(wrong[:20])
