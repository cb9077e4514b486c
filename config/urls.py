from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from monitoring.views import home, onboarding

admin.site.site_header = _("Information work monitoring")
admin.site.site_title = _("Information work monitoring")
admin.site.index_title = _("Administration")

urlpatterns = [
    # Home reads figures (an officer's month), so the figures' app serves it.
    path("", home, name="home"),
    path("", include("branches.urls")),
    path("", include("publications.urls")),
    path("monitoring/", include("monitoring.urls")),
    path("dashboard/", include("monitoring.dashboard_urls")),
    path("units/<slug:slug>/onboarding/", onboarding, name="onboarding"),
    path("reports/", include("reports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler400 = "branches.views.bad_request"
