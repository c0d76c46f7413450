"""Time the screening of 10 KB of mixed English and French text with many findings.

    .venv/bin/python bench/screening.py [--runs 100] [--size 10240]

Screens the same text `--runs` times with every step on (an anonymous case: identifying details,
abuse and risk) and prints the median, the 95th percentile and what was found. No database:
screening is pure. The figure is in README.md ("How fast screening is"); `measure` is also
what tests/moderation/test_screening_bench.py runs, a few times, inside the suite.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from moderation.screening import screen  # noqa: E402

# Paragraphs as people write them, most with a finding or two, some with none; repeated in
# turn until the text reaches the size asked for. All details are made up.
PARAGRAPHS = [
    "We were told the new care package would start on Monday. On Monday nobody came, on "
    "Tuesday a different agency rang to ask for directions, and by Thursday we had given up "
    "waiting in and my brother took two days off work to cover the mornings himself.",
    "L'infirmière de soir était débordée : onze patients pour une seule personne, et les "
    "cloches qui sonnaient sans arrêt. Ce n'est pas sa faute, mais il faut que quelqu'un au-"
    "dessus d'elle le sache, parce que ça ne peut pas continuer comme ça tout l'hiver.",
    "I am writing about my mother's care at the home on Riverside Road. Since March the "
    "visits have been late almost every day and nobody tells us why. She was left alone "
    "all day on Tuesday with no food in the house and we only found out in the evening.",
    "Please call me on 07700 900123 after six, or write to jo.bloggs@example.org. My NHS "
    "number is 943 476 5919 if you need to find my records. I live near SW1A 1AA.",
    "Dr Patel was wonderful and the nurse on the ward, Mrs Okafor, explained everything twice. "
    "Thank you to the whole team, you made a horrible week a little easier.",
    "Je m'appelle Marie Tremblay et j'écris pour mon père. Il est né le 3 mars 1941. "
    "Appelez-moi au 514 555-0199 ou au (438) 555-0142, j'habite au H2X 1Y4.",
    "Honestly this is bullshit. I have called 0800 123 4567 nine times, reference 01234 567890, "
    "and every time I get cut off. What the f*ck is going on with this service?",
    "Ça fait trois semaines que j'attends un rappel. C'est de la marde, tabarnak, personne ne "
    "répond au téléphone et le message dit de rappeler plus tard. Criss que c'est long.",
    "Some days I don't want to be here any more. I have not told anyone else this. The team "
    "said someone would ring back within 48 hours but it has been two weeks.",
    "Ma mère, Mme Côté, reste dans sa couche souillée toute la nuit et elle a des bleus sur les "
    "bras. Le préposé lui crie dessus. Je crains pour sa sécurité.",
    "My son Tom Hughes (date of birth 14/02/2009) has been waiting since the appointment on "
    "12/03/2026 was cancelled. His member ID is XKC123456 and our ZIP is NC 27601.",
    "The receptionist was rude and the wait was long. It hit me that nobody was going to help. "
    "This killed my hopes of getting an answer before Christmas, but I am not in danger.",
    "Mon numéro d'assurance sociale est le 046 454 286 et ma carte RAMQ TREM 8001 0112. "
    "Vous pouvez aussi me texter au 06 12 34 56 78 quand je suis en France.",
    "He hit me again last night and I am scared of him. My OHIP number is 4532 015 112 and "
    "I am in room 12. The sh1t food is cold and the staff swear at us. F u c k this place.",
    "Le rendez-vous du 2026-04-02 a été annulé sans préavis. On m'a dit que mon dossier "
    "était perdu. C'est inacceptable pour une personne âgée de 87 ans qui vit seule.",
    "Nobody called back about the bill, it is still unpaid and they keep charging me. My "
    "mate says I'm dead lucky it wasn't more. The invoice number is 2026-118-4471.",
    "The letter gave a phone line that is only open from ten to twelve on weekdays, which is "
    "exactly when I am at my own appointments. Could there be an online form, or at least a "
    "way to leave a message and be called back at a time that suits?",
    "Depuis le déménagement du service au deuxième étage, il n'y a plus d'ascenseur qui "
    "fonctionne la moitié du temps. Les gens en fauteuil roulant attendent dans le hall, et "
    "personne à l'accueil ne semble savoir quand il sera réparé.",
    "Je ne veux plus vivre comme ça, j'ai des idées noires depuis que mon suivi a été "
    "interrompu. Ma fille Léa dit que je devrais me plaindre, alors voilà.\n\nCordialement,\n"
    "Jean-François Côté",
]


@dataclass(frozen=True)
class Result:
    median_ms: float
    p95_ms: float
    size: int
    findings: dict[str, int]


def bench_text(size: int = 10 * 1024) -> str:
    """At least `size` characters of the paragraphs above, in turn."""
    parts: list[str] = []
    length = 0
    while length < size:
        paragraph = PARAGRAPHS[len(parts) % len(PARAGRAPHS)]
        parts.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(parts)


def measure(*, runs: int = 100, size: int = 10 * 1024) -> Result:
    """Screen the bench text `runs` times, untimed once first (the lists compile then)."""
    text = bench_text(size)
    findings = screen(text, language="en", anonymous=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        screen(text, language="en", anonymous=True)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, max(0, round(0.95 * len(times)) - 1))]
    return Result(statistics.median(times), p95, len(text),
                  dict(collections.Counter(f.kind for f in findings)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="timed runs (default 100)")
    parser.add_argument("--size", type=int, default=10 * 1024, help="characters (default 10 KB)")
    args = parser.parse_args(argv)
    result = measure(runs=args.runs, size=args.size)
    found = ", ".join(f"{kind} {n}" for kind, n in sorted(result.findings.items()))
    print(f"screen(): {result.size:,} characters, English and French, anonymous (every step)")
    print(f"findings: {sum(result.findings.values())} ({found})")
    print(f"median {result.median_ms:.2f} ms, p95 {result.p95_ms:.2f} ms over {args.runs} runs")


if __name__ == "__main__":
    main()
