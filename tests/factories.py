"""Builders for the portal's objects (factory-boy)."""

import factory
from factory.django import DjangoModelFactory

from portal.models import Commissioner, Membership, Provider, Role, Service, User


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Mark the address verified so allauth lets the person sign in."""
        if not create:
            return
        obj.save()
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(user=obj, email=obj.email,
                                           defaults={"verified": True, "primary": True})


class CommissionerFactory(DjangoModelFactory):
    class Meta:
        model = Commissioner

    name = factory.Sequence(lambda n: f"Commissioner {n}")
    slug = factory.Sequence(lambda n: f"commissioner-{n}")


class ProviderFactory(DjangoModelFactory):
    class Meta:
        model = Provider
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Provider {n}")
    slug = factory.Sequence(lambda n: f"provider-{n}")

    @factory.post_generation
    def commissioners(obj, create, extracted, **kwargs):
        if create:
            obj.commissioners.add(*(extracted or [CommissionerFactory()]))


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = Service

    provider = factory.SubFactory(ProviderFactory)
    commissioner = factory.LazyAttribute(lambda o: o.provider.commissioners.first())
    name = factory.Sequence(lambda n: f"Community team {n}")
    name_fr = factory.Sequence(lambda n: f"Équipe communautaire {n}")
    slug = factory.Sequence(lambda n: f"community-team-{n}")
    area = "North"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.STAFF
    provider = factory.SubFactory(ProviderFactory)
    commissioner = None


def provider_member(*, provider, role=Role.STAFF, **user_fields) -> User:
    """Someone who works at `provider` as staff (or manager, with role=Role.MANAGER)."""
    return MembershipFactory(role=role, provider=provider, user=UserFactory(**user_fields)).user
