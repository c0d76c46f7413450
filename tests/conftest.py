import pytest
from django.core.cache import cache

from tests.factories import ServiceFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Real hashing is slow by design; tests only need passwords to check."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def service(db):
    return ServiceFactory()


@pytest.fixture
def person(db):
    return UserFactory(email="sam.rivers@example.org", full_name="Sam Rivers")


@pytest.fixture(autouse=True)
def _default_language():
    """A French request leaves French active in the thread; each test starts in English."""
    from django.utils import translation

    yield
    translation.activate("en")
