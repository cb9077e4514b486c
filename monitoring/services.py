"""Writes of this app that are not records of the shared record framework."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from monitoring.models import LeagueWeights


@transaction.atomic
def league_weights_update(*, user: AbstractBaseUser, weights: dict[str, int]) -> LeagueWeights:
    """Save the league table's weights (there is one set, for the whole country)."""
    row = LeagueWeights.objects.select_for_update().order_by("pk").first() or LeagueWeights()
    for name in LeagueWeights.MEASURES:
        setattr(row, name, weights[name])
    row.updated_by = user
    row.full_clean()
    row.save()
    return row
