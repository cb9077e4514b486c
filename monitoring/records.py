"""The record types of this app, for the shared list/form/history views."""

from branches.records import RecordType
from monitoring import filters, forms, tables
from monitoring.models import (
    AppUserCount,
    AudienceSnapshot,
    CommitteeReview,
    NewspaperSubscription,
    Target,
)

SNAPSHOTS = RecordType(
    model=AudienceSnapshot,
    namespace="snapshots",
    scope="resource__owner",
    form_class=forms.AudienceSnapshotForm,
    filterset_class=filters.AudienceSnapshotFilter,
    table_class=tables.AudienceSnapshotTable,
    write_perm="publications.log_records",
    select_related=("resource__platform", "resource__owner"),
)

REVIEWS = RecordType(
    model=CommitteeReview,
    namespace="reviews",
    scope="unit",
    form_class=forms.CommitteeReviewForm,
    formset_class=forms.ReviewTaskFormSet,
    filterset_class=filters.CommitteeReviewFilter,
    table_class=tables.CommitteeReviewTable,
    write_perm="monitoring.manage_region",
    select_related=("unit",),
)

TARGETS = RecordType(
    model=Target,
    namespace="targets",
    scope="unit",
    form_class=forms.TargetForm,
    filterset_class=filters.TargetFilter,
    table_class=tables.TargetTable,
    write_perm="monitoring.manage_region",
    select_related=("unit", "platform"),
)

# Report section 10: newspaper subscriptions and mobile app users, kept by regional staff.
SUBSCRIPTIONS = RecordType(
    model=NewspaperSubscription,
    namespace="subscriptions",
    scope="unit",
    form_class=forms.NewspaperSubscriptionForm,
    filterset_class=filters.NewspaperSubscriptionFilter,
    table_class=tables.NewspaperSubscriptionTable,
    write_perm="monitoring.manage_region",
    select_related=("unit", "outlet"),
)

APP_USERS = RecordType(
    model=AppUserCount,
    namespace="appusers",
    scope="unit",
    form_class=forms.AppUserCountForm,
    filterset_class=filters.AppUserCountFilter,
    table_class=tables.AppUserCountTable,
    write_perm="monitoring.manage_region",
    select_related=("unit",),
)
