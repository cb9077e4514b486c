from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from publications.models import MethodologicalMaterial, Platform, Publication, Resource


@admin.register(Platform)
class PlatformAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "sort_order"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Resource)
class ResourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "platform", "kind", "owner", "level", "opened_on"]
    list_filter = ["kind", "platform", "level"]
    search_fields = ["name", "url", "owner__name"]
    autocomplete_fields = ["owner"]
    list_select_related = ["platform", "owner"]


@admin.register(Publication)
class PublicationAdmin(SimpleHistoryAdmin):
    list_display = ["published_on", "title", "resource", "unit", "topic", "kind", "is_repost"]
    list_filter = [
        "resource__platform",
        "topic",
        "kind",
        "is_repost",
        "language",
    ]
    search_fields = ["title", "url"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["resource", "unit"]
    list_select_related = ["resource", "unit"]


@admin.register(MethodologicalMaterial)
class MethodologicalMaterialAdmin(SimpleHistoryAdmin):
    list_display = ["year", "title", "kind", "unit"]
    list_filter = ["kind", "year"]
    search_fields = ["title"]
    autocomplete_fields = ["unit"]
    list_select_related = ["unit"]
