from django.contrib.auth import views as auth_views
from django.urls import include, path

from branches import views
from branches.imports import PrimaryOrganizationImporter
from branches.records import views as v

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]

PRIMARIES_IMPORT = {
    "importer_class": PrimaryOrganizationImporter,
    "perm": "monitoring.manage_region",
    "namespace": "primaries",
}
primaries_patterns = [
    path("import/", v.import_upload_view, PRIMARIES_IMPORT, name="import"),
    path("import/template.xlsx", v.import_template_view, PRIMARIES_IMPORT, name="import_template"),
    path("import/<uuid:pk>/", v.import_batch_view, PRIMARIES_IMPORT, name="import_batch"),
    path("", views.primary_list, name="list"),
]
urlpatterns.append(path("units/primaries/", include((primaries_patterns, "primaries"))))
