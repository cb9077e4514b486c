from django.contrib.auth import views as auth_views
from django.urls import include, path

from branches import views
from branches.imports import BranchImporter, PrimaryOrganizationImporter
from branches.records import views as v

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    # The same answer whether or not the address belongs to a user (Django's views do so).
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt"
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
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
    path(
        "import/<uuid:pk>/refused.xlsx",
        v.import_refused_view,
        PRIMARIES_IMPORT,
        name="import_refused",
    ),
    path("", views.primary_list, name="list"),
]
urlpatterns.append(path("units/primaries/", include((primaries_patterns, "primaries"))))

people_patterns = [
    path("", views.people_list, name="list"),
    path("invite/", views.person_invite_view, name="invite"),
    path("<int:pk>/", views.person_edit_view, name="edit"),
    path("<int:pk>/active/", views.person_active_view, name="active"),
]
urlpatterns.append(path("units/people/", include((people_patterns, "people"))))

BRANCHES_IMPORT = {
    "importer_class": BranchImporter,
    "perm": "monitoring.manage_region",
    "namespace": "branches",
}
branches_patterns = [
    path("", views.branch_list, name="list"),
    path("new/", views.branch_create_view, name="create"),
    path("import/", v.import_upload_view, BRANCHES_IMPORT, name="import"),
    path("import/template.xlsx", v.import_template_view, BRANCHES_IMPORT, name="import_template"),
    path("import/<uuid:pk>/", v.import_batch_view, BRANCHES_IMPORT, name="import_batch"),
    path(
        "import/<uuid:pk>/refused.xlsx",
        v.import_refused_view,
        BRANCHES_IMPORT,
        name="import_refused",
    ),
]
urlpatterns.append(path("units/branches/", include((branches_patterns, "branches"))))

units_patterns = [
    path("regions/new/", views.region_create_view, name="region_create"),
    path("<slug:slug>/report-people/", views.unit_people_view, name="people_fields"),
]
urlpatterns.append(path("units/", include((units_patterns, "units"))))
