from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from branches.models import Assignment, MemberCount, OrgUnit


class MemberCountInline(admin.TabularInline):
    model = MemberCount
    extra = 0


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "committee", "parent", "region", "is_placeholder"]
    list_filter = ["kind", "committee", "is_placeholder", "is_demo"]
    search_fields = ["name", "name_ru", "short_name", "slug"]
    list_select_related = ["parent", "region"]
    autocomplete_fields = ["parent"]
    inlines = [MemberCountInline]


@admin.register(MemberCount)
class MemberCountAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "counted_on", "members"]
    date_hierarchy = "counted_on"
    search_fields = ["unit__name"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "unit", "position"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__last_name", "unit__name"]
    autocomplete_fields = ["user", "unit"]
    list_select_related = ["user", "unit"]
