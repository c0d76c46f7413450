"""French (Canada) date formats for what Django itself shows (the admin, form widgets): Django's
own leave the "h" of "13 h 40" unescaped, so it prints the 12-hour hour ("13 01 40"). The rest is
Django's. The portal's pages, emails and receipts write their dates with feedback/dates.py."""

from django.conf.locale.fr_CA.formats import *  # noqa: F401,F403

TIME_FORMAT = "H\xa0\\h\xa0i"  # 13 h 40
DATETIME_FORMAT = "j F Y, H\xa0\\h\xa0i"  # 31 janvier 2024, 13 h 40
SHORT_DATETIME_FORMAT = "Y-m-d H\xa0\\h\xa0i"
