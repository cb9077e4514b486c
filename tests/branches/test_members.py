"""One rule for members: the sum over a unit's primary organizations where it has any, its own
count only where it has none; a count that would be counted twice is refused."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from branches.models import MemberCount
from branches.selectors import member_figure
from tests.factories import BranchFactory, MemberCountFactory, PrimaryFactory, RegionFactory


def test_a_count_on_a_unit_with_primaries_is_refused_and_never_adds(abai):
    before = member_figure(unit=abai, on=date(2024, 12, 31)).members
    count = MemberCount(unit=abai, counted_on=date(2024, 1, 1), members=9000)
    with pytest.raises(ValidationError) as refused:
        count.full_clean()
    assert "members" in refused.value.message_dict
    count.save()  # saved past the form (an old record): still not added to the primaries'
    assert member_figure(unit=abai, on=date(2024, 12, 31)).members == before


def test_a_unit_without_primaries_counts_its_own(db):
    region = RegionFactory(slug="members-region")
    branch = BranchFactory(parent=region, slug="members-branch")
    MemberCountFactory(unit=region, members=9000)
    MemberCount(unit=branch, counted_on=date(2024, 1, 1), members=100).full_clean()
    assert member_figure(unit=region, on=date(2024, 6, 1)).members == 9000
    primary = PrimaryFactory(parent=branch, slug="members-primary")
    MemberCountFactory(unit=primary, members=40)
    # From its first primary organization on, the region counts theirs.
    assert member_figure(unit=region, on=date(2024, 6, 1)).members == 40
