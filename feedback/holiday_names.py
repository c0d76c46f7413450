"""Public holidays' names in the reader's language (PRODUCT.md §10).

The clock (`deadlines.py`) names the days it skips in English, as the `holidays` package gives
them. A page or an email shows each name in its reader's language: from `holidays` itself where
it has that language for the country (French for Canada), otherwise from the portal's catalogue,
which holds every English name `holidays` gives for the United Kingdom and the United States
(listed below so `makemessages` finds them; a test fails when the package adds one that is not
translated).
"""

import functools
import re
from datetime import date

import holidays
from django.utils.functional import lazy
from django.utils import translation
from django.utils.translation import get_language, gettext, gettext_noop, pgettext

OBSERVED = re.compile(r"^(?P<name>.+) \(observed\)$")

# Every name the clock can show for GB and US (all subdivisions); see tests/test_translations.py.
NAMES = [
    gettext_noop("Alaska Day"),
    gettext_noop("All Souls' Day"),
    gettext_noop("American Indian Heritage Day"),
    gettext_noop("American Samoa Flag Day"),
    gettext_noop("Arbor Day"),
    gettext_noop("Battle of the Boyne"),
    gettext_noop("Bennington Battle Day"),
    gettext_noop("Boxing Day"),
    gettext_noop("Casimir Pulaski Day"),
    gettext_noop("Cesar Chavez Day"),
    gettext_noop("Christmas Day"),
    gettext_noop("Christmas Eve"),
    gettext_noop("Christmas Second Day"),
    gettext_noop("Citizenship Day"),
    gettext_noop("Columbus Day"),
    gettext_noop("Columbus Day / American Indian Heritage Day / Fraternal Day"),
    gettext_noop("Columbus Day and Puerto Rico Friendship Day"),
    gettext_noop("Commonwealth Covenant Day"),
    gettext_noop("Commonwealth Cultural Day"),
    gettext_noop("Confederate Memorial Day"),
    gettext_noop("Constitution Day"),
    gettext_noop("Coronation of Charles III"),
    gettext_noop("Day After Christmas"),
    gettext_noop("Day After Thanksgiving"),
    gettext_noop("Diwali"),
    gettext_noop("Dr. Martin Luther King Jr. / Civil Rights Day"),
    gettext_noop("Dr. Martin Luther King Jr. and Robert E. Lee's Birthdays"),
    gettext_noop("Easter Monday"),
    gettext_noop("Election Day"),
    gettext_noop("Emancipation Day"),
    gettext_noop("Emancipation Day In Texas"),
    gettext_noop("Epiphany"),
    gettext_noop("Family Day"),
    gettext_noop("Frances Xavier Cabrini Day"),
    gettext_noop("Friday After Thanksgiving"),
    gettext_noop("George Washington & Thomas Jefferson's Birthday"),
    gettext_noop("George Washington Day"),
    gettext_noop("George Washington Day, Presidents' Day, and the Day of the Women and Men Heroes of Puerto Rico"),
    gettext_noop("George Washington's Birthday and Daisy Gatson Bates Day"),
    gettext_noop("Good Friday"),
    gettext_noop("Guam Discovery Day"),
    gettext_noop("Holy Thursday"),
    gettext_noop("Inauguration Day"),
    gettext_noop("Independence Day"),
    gettext_noop("Indigenous Peoples' Day"),
    gettext_noop("Indigenous Peoples' Day / Columbus Day"),
    gettext_noop("Jefferson Davis Birthday"),
    gettext_noop("Juneteenth National Independence Day"),
    gettext_noop("Kamehameha Day"),
    gettext_noop("Labor Day"),
    gettext_noop("Lady of Camarin Day"),
    gettext_noop("Late Summer Bank Holiday"),
    gettext_noop("Lee Jackson Day"),
    gettext_noop("Liberation Day (Guam)"),
    gettext_noop("Liberty Day"),
    gettext_noop("Lincoln's Birthday"),
    gettext_noop("Lincoln's and Washington's Birthdays"),
    gettext_noop("Lincoln/Washington Presidents' Day"),
    gettext_noop("Lyndon Baines Johnson Day"),
    gettext_noop("Manu'a Islands Cession Day"),
    gettext_noop("Mardi Gras"),
    gettext_noop("Martin Luther King Jr. / Idaho Human Rights Day"),
    gettext_noop("Martin Luther King Jr. Day"),
    gettext_noop("Martin Luther King Jr.'s Birthday"),
    gettext_noop("Martin Luther King, Jr & Robert E. Lee's Birthday"),
    gettext_noop("May Day"),
    gettext_noop("Memorial Day"),
    gettext_noop("Native American Heritage Day"),
    gettext_noop("Native Americans' Day"),
    gettext_noop("Nevada Day"),
    gettext_noop("New Year Holiday"),
    gettext_noop("New Year's Day"),
    gettext_noop("New Year's Eve"),
    gettext_noop("Patriots' Day"),
    gettext_noop("Pioneer Day"),
    gettext_noop("Platinum Jubilee of Elizabeth II"),
    gettext_noop("President's Day"),
    gettext_noop("Presidents Day"),
    gettext_noop("Presidents' Day"),
    gettext_noop("Primary Election Day"),
    gettext_noop("Prince Jonah Kuhio Kalanianaole Day"),
    gettext_noop("Puerto Rican Culture and Discovery of Puerto Rico Day"),
    gettext_noop("Puerto Rican Identity Day"),
    gettext_noop("Puerto Rico Constitution Day"),
    gettext_noop("Saint Andrew's Day"),
    gettext_noop("Saint Patrick's Day"),
    gettext_noop("San Jacinto Day"),
    gettext_noop("Scotland's participation in the FIFA World Cup final"),
    gettext_noop("Seward's Day"),
    gettext_noop("Spring Bank Holiday"),
    gettext_noop("State Funeral of Queen Elizabeth II"),
    gettext_noop("State Holiday"),
    gettext_noop("Statehood Day"),
    gettext_noop("Summer Bank Holiday"),
    gettext_noop("Susan B. Anthony Day"),
    gettext_noop("Texas Independence Day"),
    gettext_noop("Thanksgiving Day"),
    gettext_noop("Three Kings Day"),
    gettext_noop("Town Meeting Day"),
    gettext_noop("Transfer Day"),
    gettext_noop("Truman Day"),
    gettext_noop("Veterans Day"),
    gettext_noop("Victory Day"),
    gettext_noop("Washington and Lincoln Day"),
    gettext_noop("Washington's Birthday"),
    gettext_noop("Washington's and Lincoln's Birthday"),
    gettext_noop("Washington-Lincoln Day"),
    gettext_noop("West Virginia Day"),
    gettext_noop("White Sunday"),
]


def holiday_name(*, country: str, subdivision: str | None, day: date, english: str,
                 language: str) -> str:
    """The name of the holiday on `day` in `language` (falling back to `english`)."""
    wanted = language.split("-")[0].lower()
    if wanted == "en":
        return english
    native = _native_names(country, subdivision, day.year, wanted)
    if native.get(day):
        return native[day]
    with translation.override(language):
        return "; ".join(_from_catalogue(part) for part in english.split("; "))


def _from_catalogue(name: str) -> str:
    observed = OBSERVED.match(name)
    if observed:
        return pgettext("public holiday moved to a working day", "%(name)s (observed)") % {
            "name": gettext(observed["name"])}
    return gettext(name)


@functools.lru_cache(maxsize=128)
def _native_names(country: str, subdivision: str | None, year: int,
                  language: str) -> dict[date, str]:
    """The country's holidays named in `language` by the `holidays` package, if it has it."""
    probe = holidays.country_holidays(country, subdiv=subdivision)
    if language not in probe.supported_languages:
        return {}
    return dict(holidays.country_holidays(country, subdiv=subdivision, years=year,
                                          language=language))


def _in_current_language(country: str, subdivision: str | None, day: date, english: str) -> str:
    return holiday_name(country=country, subdivision=subdivision, day=day, english=english,
                        language=get_language() or "en")


# The name in whatever language is active when it is shown (a page, or an email in its
# reader's language), so one explanation serves every reader.
holiday_name_lazy = lazy(_in_current_language, str)
