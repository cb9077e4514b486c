from django.urls import path

from reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_index, name="index"),
    path("issued/<int:pk>/", views.issued_page, name="issued"),
    path("issued/<int:pk>/pdf/", views.issued_file, {"kind": "pdf"}, name="issued_pdf"),
    path("issued/<int:pk>/docx/", views.issued_file, {"kind": "docx"}, name="issued_docx"),
    path("<slug:slug>/rules/", views.rules_edit, name="rules"),
    path("<slug:slug>/locks/", views.locks_page, name="locks"),
    path("<slug:slug>/locks/<int:pk>/unlock/", views.lock_release, name="unlock"),
    path("<slug:slug>/<int:year>/", views.report_page, name="page"),
    path("<slug:slug>/<int:year>/pdf/", views.report_file, {"fmt": "pdf"}, name="pdf"),
    path("<slug:slug>/<int:year>/docx/", views.report_file, {"fmt": "docx"}, name="docx"),
    path("<slug:slug>/<int:year>/xlsx/", views.report_file, {"fmt": "xlsx"}, name="xlsx"),
    path("<slug:slug>/<int:year>/issue/", views.report_issue_view, name="issue"),
]
