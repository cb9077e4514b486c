"""factory_boy factories for records the Abai data does not have (another region, etc.)."""

from datetime import date

import factory
from django.contrib.auth import get_user_model

from branches.models import Assignment, MemberCount, OrgUnit
from publications.models import Platform, Publication, Resource


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Unit {n}")
    slug = factory.Sequence(lambda n: f"unit-{n}")
    kind = OrgUnit.Kind.PRIMARY


class RegionFactory(OrgUnitFactory):
    kind = OrgUnit.Kind.REGION
    parent = factory.LazyFunction(lambda: OrgUnit.objects.get(slug="central"))
    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")


class BranchFactory(OrgUnitFactory):
    kind = OrgUnit.Kind.BRANCH
    committee = OrgUnit.Committee.DISTRICT
    parent = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Branch {n}")
    slug = factory.Sequence(lambda n: f"branch-{n}")


class PrimaryFactory(OrgUnitFactory):
    parent = factory.SubFactory(BranchFactory)


class MemberCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberCount

    unit = factory.SubFactory(PrimaryFactory)
    counted_on = date(2024, 1, 1)
    members = 50


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(BranchFactory)
    role = Assignment.Role.BRANCH_OFFICER


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    name = factory.Sequence(lambda n: f"Page {n}")
    platform = factory.LazyFunction(lambda: Platform.objects.get(slug="facebook"))
    kind = Resource.Kind.OWN_PAGE
    owner = factory.SubFactory(BranchFactory)
    url = factory.Sequence(lambda n: f"https://www.facebook.com/page{n}")


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    resource = factory.SubFactory(ResourceFactory)
    unit = factory.LazyAttribute(lambda o: o.resource.owner)
    published_on = date(2024, 3, 1)
    title = factory.Sequence(lambda n: f"Publication {n}")
