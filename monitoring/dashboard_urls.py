from django.urls import path

from monitoring import views

app_name = "dashboard"
urlpatterns = [
    path("", views.dashboard_home, name="home"),
    path("national/weights/", views.league_weights_edit, name="weights"),
    path("<slug:slug>/", views.dashboard_unit, name="unit"),
]
