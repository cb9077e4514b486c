from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from monitoring.models import (
    AppUserCount,
    AudienceSnapshot,
    CommitteeReview,
    NewspaperSubscription,
    ReviewTask,
    Target,
)


@admin.register(AudienceSnapshot)
class AudienceSnapshotAdmin(SimpleHistoryAdmin):
    list_display = ["resource", "taken_on", "followers"]
    date_hierarchy = "taken_on"
    search_fields = ["resource__name"]
    autocomplete_fields = ["resource"]
    list_select_related = ["resource"]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "year", "metric", "platform", "value"]
    list_filter = ["year", "metric"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit", "platform"]


class ReviewTaskInline(admin.TabularInline):
    model = ReviewTask
    extra = 0


@admin.register(CommitteeReview)
class CommitteeReviewAdmin(SimpleHistoryAdmin):
    list_display = ["year", "held_on", "question", "unit"]
    list_filter = ["year"]
    search_fields = ["question"]
    autocomplete_fields = ["unit"]
    inlines = [ReviewTaskInline]
    list_select_related = ["unit"]


@admin.register(NewspaperSubscription)
class NewspaperSubscriptionAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "outlet", "year", "copies"]
    list_filter = ["year"]
    autocomplete_fields = ["unit", "outlet"]
    list_select_related = ["unit", "outlet"]


@admin.register(AppUserCount)
class AppUserCountAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "counted_on", "users"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]
