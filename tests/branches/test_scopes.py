"""Who sees and changes which units: every later view starts from these two selectors."""

import pytest

from branches.models import OrgUnit
from branches.selectors import unit_changeable_list, unit_visible_list
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_aksuat_officer_sees_and_changes_aksuats_subtree_only(aksuat_officer, aksuat, urzhar):
    visible = unit_visible_list(user=aksuat_officer)
    changeable = unit_changeable_list(user=aksuat_officer)
    subtree = set(OrgUnit.objects.filter(path__startswith=aksuat.path).values_list("pk", flat=True))
    assert set(visible.values_list("pk", flat=True)) == subtree
    assert set(changeable.values_list("pk", flat=True)) == subtree
    assert aksuat in visible
    assert len(subtree) > 1, "Aksuat's primary organizations are in its subtree"
    assert urzhar not in visible
    assert not visible.filter(kind=OrgUnit.Kind.REGION).exists()


def test_executive_sees_the_region_and_changes_nothing(abai_executive, abai):
    visible = unit_visible_list(user=abai_executive)
    assert visible.count() == OrgUnit.objects.filter(path__startswith=abai.path).count()
    assert unit_changeable_list(user=abai_executive).count() == 0


def test_regional_staff_cannot_see_another_regions_units(abai_staff, abai, other_region):
    visible = unit_visible_list(user=abai_staff)
    assert abai in visible
    assert other_region not in visible
    assert not visible.filter(path__startswith=other_region.path).exists()
    assert not unit_changeable_list(user=abai_staff).filter(pk=other_region.pk).exists()


def test_other_regions_staff_cannot_see_abai(other_region_staff, abai, other_region):
    assert abai not in unit_visible_list(user=other_region_staff)
    assert other_region in unit_changeable_list(user=other_region_staff)


def test_central_press_reads_every_region_but_writes_only_for_the_central_committee(
    central_press, abai, other_region
):
    visible = unit_visible_list(user=central_press)
    assert abai in visible
    assert other_region in visible
    assert list(unit_changeable_list(user=central_press)) == [OrgUnit.objects.get(slug="central")]


def test_administrator_sees_and_changes_everything(admin_user, other_region):
    assert unit_visible_list(user=admin_user).count() == OrgUnit.objects.count()
    assert unit_changeable_list(user=admin_user).count() == OrgUnit.objects.count()


def test_a_user_without_assignment_sees_nothing():
    user = UserFactory()
    assert unit_visible_list(user=user).count() == 0
    assert unit_changeable_list(user=user).count() == 0


def test_a_deactivated_user_sees_nothing(aksuat_officer):
    aksuat_officer.is_active = False
    assert unit_visible_list(user=aksuat_officer).count() == 0


def test_moving_a_branch_moves_its_subtree_into_the_new_region(aksuat, other_region):
    aksuat.parent = other_region
    aksuat.save()
    primary = OrgUnit.objects.filter(parent=aksuat).first()
    assert primary.path.startswith(other_region.path)
    assert primary.region == other_region
