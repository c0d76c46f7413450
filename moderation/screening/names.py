"""Names that identify the writer of an anonymous case, or their family (§3).

The rule. What makes an anonymous writer known is their own name and the names of the people
close to them: "my name is Jane Smith", "je m'appelle Marie", "Name: Jo Bloggs", a signature
("Kind regards,\\nJane"), "my son Tom Hughes", "ma mère, Mme Côté", "Tom, my son,". Those are
flagged. A name with a title alone ("Dr Patel was wonderful", "Mrs Smith on reception was rude",
"M. Tremblay a répondu") is almost always a member of staff: the provider must know whom the
feedback is about, and naming them says nothing about who wrote it, so it is not flagged, in
praise or in complaint. A title counts only beside the words that tie the name to the writer
("my mother, Mrs Jones"). "Thank you Sarah" at the end of a text thanks someone; "Thanks,
Sarah" (a comma or a new line) signs it.

Names are told from ordinary words by their capital letter, except right after the writer
names themselves ("my name is jane", "je m'appelle marie"), where people who write without
capitals still write their name. The list of words that are never names ends a name early:
"I am Not Happy" is not a name, "my son Tom was" stops before "was".
"""

from __future__ import annotations

import re

from .findings import NAME, Finding
from .folding import fold_phrase
from .scan import Scan

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_LOWER = "a-zß-öø-ÿœ"
_CAPITALISED = (
    rf"(?:[{_UPPER}]['’])?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
    rf"(?:-[{_UPPER}][{_LOWER}]+)?"
)
_ANY_CASE = (rf"(?:[{_UPPER}{_LOWER}]['’])?[{_UPPER}{_LOWER}][{_LOWER}{_UPPER}]+"
             rf"(?:-[{_UPPER}{_LOWER}]+)?")
_CAPITALISED_RUN = rf"{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,2}}"
_ANY_CASE_RUN = rf"{_ANY_CASE}(?:[ \t]+{_ANY_CASE}){{0,2}}"
_TITLE = (r"(?:(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Mme|Mlle|Mmes|Docteur|Docteure|Dre|"
          r"[Mm]adame|[Mm]onsieur|[Mm]ademoiselle)\.?|M\.)")

_SELF_NAMING = re.compile(
    r"\b(?i:my[ \t]+name[ \t]+is|my[ \t]+name['’]s|i['’]?m[ \t]+called|i[ \t]+am[ \t]+called"
    r"|je[ \t]+m['’ ]?[ \t]?appel+e|mon[ \t]+nom[ \t]+(?:est|c['’]est)|je[ \t]+me[ \t]+nomme"
    r"|moi[ \t]+c['’]est|mon[ \t]+pr[ée]nom[ \t]+(?:est|c['’]est))[ \t]*:?[ \t]+"
    rf"(?P<name>{_ANY_CASE_RUN})"
)
# "I am" is followed by a name far less often than by an adjective, so ask for two names.
_I_AM = re.compile(rf"\b(?:I[ \t]+am|I['’]m|(?i:je[ \t]+suis))[ \t]+(?P<name>{_CAPITALISED_RUN})")
_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?i:name|full[ \t]+name|patient(?:[ \t]+name)?|nom|nom[ \t]+complet|pr[ée]nom"
    r"|nom[ \t]+du[ \t]+patient|nom[ \t]+de[ \t]+la[ \t]+patiente)[ \t]*:[ \t]*"
    rf"(?P<title>{_TITLE}[ \t]+)?(?P<name>{_ANY_CASE_RUN})"
)
_RELATIVES = (
    "son|daughter|mother|mum|mom|mam|mummy|father|dad|daddy|husband|wife|partner|boyfriend|"
    "girlfriend|fiancé|fiancée|fiance|fiancee|brother|sister|grandmother|grandma|gran|granny|nan|"
    "nana|grandfather|grandad|granddad|grandpa|grandson|granddaughter|aunt|auntie|uncle|nephew|"
    "niece|cousin|child|baby|stepson|stepdaughter|stepmother|stepfather|stepmum|stepdad|"
    "mother-in-law|father-in-law|friend|neighbour|neighbor|twin|boy|girl|lad|eldest|youngest|"
    "kid|"
    "fils|fille|mère|mere|père|pere|maman|papa|mari|femme|épouse|epouse|époux|epoux|conjoint|"
    "conjointe|chum|blonde|copain|copine|frère|frere|sœur|soeur|grand-mère|grand-mere|"
    "grand-père|grand-pere|petit-fils|petite-fille|tante|oncle|neveu|nièce|niece|cousine|"
    "enfant|bébé|bebe|belle-mère|belle-mere|beau-père|beau-pere|ami|amie|voisin|voisine|gars|"
    "garçon|garcon|fiston|grand|grande"
)
_MY = r"(?:my|our|mon|ma|mes|notre|nos)"
_CALLED = (r"(?:who[ \t]+is[ \t]+called|(?:is[ \t]+)?called|named|whose[ \t]+name[ \t]+is"
           r"|name[ \t]+is"
           r"|nommée?|appelée?|(?:qui[ \t]+)?s['’][ \t]?appelle|prénommée?)")
_RELATIVE_THEN_NAME = re.compile(
    # "my son's called", typed "my sons called": the relative's name all the same.
    rf"\b(?i:{_MY}[ \t]+(?:{_RELATIVES})(?:['’]?s(?=[ \t]+{_CALLED}))?)"
    r"(?:[ \t]*,[ \t]*|[ \t]+|[ \t]*\([ \t]*)"
    rf"(?:(?i:{_CALLED})[ \t]+(?P<any>{_ANY_CASE_RUN})"
    rf"|(?P<title>{_TITLE})?[ \t]*(?P<name>{_CAPITALISED_RUN}))"
)
# "le nom de ma mère est Jeanne Gagnon".
_NAME_OF_RELATIVE_IS = re.compile(
    rf"\b(?i:nom[ \t]+de[ \t]+{_MY}[ \t]+(?:{_RELATIVES})[ \t]+(?:est|c['’]est))[ \t]+"
    rf"(?P<name>{_ANY_CASE_RUN})"
)
# "the mother of Jake Peters", "la fille de madame Roy", "le père de Thomas".
_RELATIVE_OF_NAME = re.compile(
    rf"\b(?i:{_RELATIVES})[ \t]+(?i:of|de|d['’])[ \t]*(?P<title>{_TITLE}[ \t]+)?"
    rf"(?P<name>{_CAPITALISED_RUN})"
)
_NAME_THEN_RELATIVE = re.compile(
    rf"(?P<title>(?<![\w.]){_TITLE}[ \t]+)?(?P<name>(?<![\w.]){_CAPITALISED_RUN})[ \t]*,[ \t]*"
    rf"(?i:{_MY}[ \t]+(?:{_RELATIVES}))\b"
)
_CLOSINGS = (
    "regards", "kind regards", "best regards", "warm regards", "many thanks", "thanks",
    "thank you", "best wishes", "yours sincerely", "sincerely", "yours faithfully",
    "yours truly", "cheers", "love", "from", "signed", "cordialement", "bien cordialement",
    "salutations", "sincères salutations", "bien à vous", "merci", "merci beaucoup", "amitiés",
    "signé",
)


def _phrase(phrase: str) -> str:
    return re.escape(phrase).replace(r"\ ", r"[ \t]+").replace("è", "[èe]").replace("à", "[àa]")


# A closing, then a comma or a new line, then the name, ending the text: "Thanks,\nJane",
# "Kind regards, Mrs J. Thompson". Without the comma or line ("Thank you Sarah") the name is
# the person thanked, most often a member of staff.
_SIGNATURE = re.compile(
    r"(?:(?<![^\n])|(?<=[.!?][ \t]))[ \t]*"
    r"(?i:" + "|".join(_phrase(c) for c in sorted(_CLOSINGS, key=len, reverse=True)) + ")"
    rf"[ \t]*(?:[,.!:-][ \t]*\n?|\n)\s*(?P<title>{_TITLE}[ \t]+)?"
    rf"(?P<initials>(?:[{_UPPER}]\.[ \t]*){{0,2}})(?P<name>{_CAPITALISED_RUN})[.\s]*\Z"
)
# A last line holding only a name, set apart from the text: after a blank line, a dash, or a
# line that ends a sentence ("...nobody called.\n\nJane", "- Jane", "Thank you.\nMarc").
_LAST_LINE = re.compile(
    r"(?:\n[ \t]*\n[ \t]*(?:[-–—~][ \t]*)?|\n[ \t]*[-–—~][ \t]*|(?<=[.!?,:])[ \t]*\n[ \t]*)"
    rf"(?P<name>{_CAPITALISED_RUN})[ \t.]*\s*\Z")

# Words that start sentences, shout, or follow "my son" without being names.
_NOT_NAMES = frozenset(
    """the this that these those it its he she we they you your my our his her their i and but or
    so then when where what why how who not no yes very really also just still now here there
    today yesterday tomorrow please thanks thank hello hi dear sorry writing worried concerned
    happy unhappy angry upset disappointed going trying calling complaining with from for about
    after before at in on of to by as if all any some one is was has had have does did will would
    can could should might must are were been being be do am told said says asked called
    went came got gets needs needed wants wanted lives lived who which whose everyone everybody
    team staff again anyway advance lot lots much more
    le la les un une des je il elle nous vous ils elles mon ma mes ton ta son sa ses notre votre
    leur et mais ou donc car ce cet cette ces pas très aussi encore merci bonjour bonsoir cher
    chère désolé désolée est était a avait qui que dont personne tout tous toute toutes
    monday tuesday wednesday thursday friday saturday sunday january february march
    july september october november december lundi mardi mercredi jeudi vendredi samedi
    dimanche janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    nhs gp a&e ward hospital clinic doctor nurse carer covid dr mr mrs ms miss mme mlle m.
    regards wishes sincerely faithfully cheers love cordialement salutations help urgent
    hes shes its im ive id ill dont cant wont didnt doesnt isnt wasnt thats theres""".split()
)
_ELIDED_WORD = re.compile(r"\w['’][a-zà-ÿ]")  # "j'ai", "l'hôpital"; names keep a capital: "O'Brien"


_SELF_TRIGGERS = frozenset("name called appelle appele appel mappelle nom nomme moi prenom".split())
_I_AM_TRIGGERS = frozenset("am m suis".split())
_LABEL_TRIGGERS = frozenset("name nom patient patiente prenom".split())
# A relative's first word ("grand" of "grand-mère", "mother" of "mother-in-law") and every
# one-word relative: the word right after "my", "mon", "ma"...
_RELATIVE_TRIGGERS = frozenset(word for relative in _RELATIVES.split("|")
                               for word in (fold_phrase(relative.split("-")[0]),
                                            fold_phrase(relative.split("-")[0]) + "s"))
TRIGGERS = _SELF_TRIGGERS | _I_AM_TRIGGERS | _LABEL_TRIGGERS | _RELATIVE_TRIGGERS
_TAIL = 200  # a signature is in the last lines
_WORD = re.compile(r"\S+")
_MY_WORDS = frozenset("my our mon ma mes notre nos".split())
_CALLED_WORDS = frozenset("who is called named whose name nomme nommee appele appelee qui s "
                          "prenomme prenommee".split())
# The word before each self-naming trigger ("my name", "m'appelle", "mon nom"); a trigger not
# listed here ("moi c'est") is tried wherever it is.
_SELF_BEFORE = {"name": ("my",), "called": ("m", "am"), "appelle": ("m", "je"),
                "appele": ("m", "je"), "appel": ("m", "je"), "mappelle": ("je",),
                "nom": ("mon",), "nomme": ("me",), "prenom": ("mon",)}


def find_names(scan: Scan) -> list[Finding]:
    """Names of the writer and of their family, by the words around them."""
    matches: list[tuple[re.Match[str], re.Pattern[str]]] = []
    # Each pattern is tried only where the words around its trigger could make it match.
    for w in scan.words(TRIGGERS):
        word, i, start, end = w.word, w.index, w.start, w.end
        before_word = scan.word(i - 1)
        if word in _SELF_TRIGGERS and before_word in _SELF_BEFORE.get(word, (before_word,)):
            matches += [(m, _SELF_NAMING) for m in scan.window(_SELF_NAMING, start - 14, end + 80)]
        if word in _I_AM_TRIGGERS and before_word in ("i", "je") and scan.next_is_capitalised(i):
            matches += [(m, _I_AM) for m in scan.window(_I_AM, start - 5, end + 70)]
        if word in _LABEL_TRIGGERS and ":" in scan.gap(i + 1):
            matches += [(m, _LABEL) for m in scan.window(_LABEL, start - 16, end + 80)]
        if word in _RELATIVE_TRIGGERS and before_word in _MY_WORDS:
            if scan.next_is_capitalised(i) or scan.word(i + 1) in _CALLED_WORDS \
                    or scan.gap(i + 1).strip() in (",", "("):
                matches += [(m, _RELATIVE_THEN_NAME)
                            for m in scan.window(_RELATIVE_THEN_NAME, start - 8, end + 80)]
            if "," in scan.gap(i - 1):
                matches += [(m, _NAME_THEN_RELATIVE)
                            for m in scan.window(_NAME_THEN_RELATIVE, start - 64, end + 2)]
        if word in _RELATIVE_TRIGGERS and before_word in _MY_WORDS and scan.word(i - 3) == "nom":
            matches += [(m, _NAME_OF_RELATIVE_IS)
                        for m in scan.window(_NAME_OF_RELATIVE_IS, start - 20, end + 80)]
        if word in _RELATIVE_TRIGGERS and scan.word(i + 1) in ("of", "de", "d"):
            matches += [(m, _RELATIVE_OF_NAME)
                        for m in scan.window(_RELATIVE_OF_NAME, start - 1, end + 80)]
    tail = len(scan.text) - _TAIL
    for pattern in (_SIGNATURE, _LAST_LINE):
        matches += [(m, pattern) for m in scan.window(pattern, tail, len(scan.text))]
    found = []
    for m, pattern in matches:
        finding = _name_found(m, pattern)
        if finding is not None:
            found.append(finding)
    return found


_REASONS = {_SELF_NAMING: "after words naming the writer", _I_AM: "after “I am”",
            _RELATIVE_OF_NAME: "a relative's name", _NAME_OF_RELATIVE_IS: "a relative's name",
            _LABEL: "after a name label", _SIGNATURE: "signature", _LAST_LINE: "signature",
            _RELATIVE_THEN_NAME: "a relative's name", _NAME_THEN_RELATIVE: "a relative's name"}


def _name_found(m: re.Match[str], pattern: re.Pattern[str]) -> Finding | None:
    group = "any" if "any" in pattern.groupindex and m.group("any") else "name"
    if pattern is _NAME_THEN_RELATIVE:
        span = _trailing_name(m, group)
    else:
        span = _leading_name(m, group, 2 if pattern is _I_AM else 1)
    if span is None:
        return None
    start, end = span
    if group == "name" and start == m.start(group):
        # A title or initials just before the name are part of it: "Mrs Edith Jones", "J. Roy".
        for extra in ("initials", "title"):
            if extra in pattern.groupindex and m.group(extra):
                start = m.start(extra)
    confidence = 0.75 if pattern in (_LAST_LINE, _I_AM) else 0.9
    return Finding(NAME, start, end, m.string[start:end], _REASONS[pattern], confidence)


def _words(m: re.Match[str], group: str) -> list[tuple[int, int, bool]]:
    """(start, end, could be a name) of each word of the captured run."""
    return [(m.start(group) + w.start(), m.start(group) + w.end(),
             w.group().casefold() not in _NOT_NAMES and not _ELIDED_WORD.match(w.group()))
            for w in _WORD.finditer(m.group(group))]


def _leading_name(m: re.Match[str], group: str, min_words: int) -> tuple[int, int] | None:
    """The run's words up to the first that is not a name; None if fewer than `min_words`."""
    words = _words(m, group)
    count = next((i for i, (_, _, ok) in enumerate(words) if not ok), len(words))
    return (words[0][0], words[count - 1][1]) if count >= max(min_words, 1) else None


def _trailing_name(m: re.Match[str], group: str) -> tuple[int, int] | None:
    """The last one or two words of the run, when they can be names ("Yesterday Tom, my son")."""
    words = _words(m, group)[-2:]
    while words and not words[0][2]:
        words = words[1:]
    if not words or not all(ok for _, _, ok in words):
        return None
    return words[0][0], words[-1][1]
