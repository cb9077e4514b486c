"""Shared fixtures: the Abai records and demo users (loaded once per test session, as
`make run` loads them), named users for each role, and another region to stay out of."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from branches.models import Assignment, OrgUnit
from tests.factories import AssignmentFactory, BranchFactory, RegionFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_abai", "--demo-users", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with no cached figures (the cache outlives test transactions)."""
    from django.core.cache import cache

    cache.clear()


def _user(username: str):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def admin_user(db):
    """The administrator: every unit, users and assignments."""
    return _user("admin")


@pytest.fixture
def central_press(db):
    """The central committee's press service: reads every region, writes only its own."""
    return _user("central_press")


@pytest.fixture
def abai_staff(db):
    """Abai's regional staff: reads and writes the whole Abai region, nothing else."""
    return _user("abai_staff")


@pytest.fixture
def abai_executive(db):
    """An Abai executive committee member: reads the region, changes nothing."""
    return _user("abai_executive")


@pytest.fixture
def aksuat_officer(db):
    """Aksuat's press officer: Aksuat's subtree only."""
    return _user("aksuat_officer")


@pytest.fixture
def urzhar_officer(db):
    """Urzhar's press officer: must see none of Aksuat's records, nor Aksuat theirs."""
    return _user("urzhar_officer")


@pytest.fixture
def abai(db) -> OrgUnit:
    return OrgUnit.objects.get(slug="abai")


@pytest.fixture
def aksuat(db) -> OrgUnit:
    return OrgUnit.objects.get(slug="aksuat")


@pytest.fixture
def urzhar(db) -> OrgUnit:
    return OrgUnit.objects.get(slug="urzhar")


@pytest.fixture
def other_region(db) -> OrgUnit:
    """A second region with one branch, to prove that Abai's people cannot see it."""
    region = RegionFactory(name="Басқа облыс", slug="other-region")
    BranchFactory(parent=region, name="Басқа филиал", slug="other-branch")
    return region


@pytest.fixture
def other_region_staff(other_region):
    """Staff of the other region: none of Abai is theirs."""
    return AssignmentFactory(unit=other_region, role=Assignment.Role.REGIONAL_STAFF).user
