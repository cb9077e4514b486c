from django.urls import include, path

from branches.records.urls import record_urlpatterns
from monitoring.records import APP_USERS, REVIEWS, SNAPSHOTS, SUBSCRIPTIONS, TARGETS

urlpatterns = [
    path("audience/", include((record_urlpatterns(SNAPSHOTS), "snapshots"))),
    path("reviews/", include((record_urlpatterns(REVIEWS), "reviews"))),
    path("targets/", include((record_urlpatterns(TARGETS), "targets"))),
    path("subscriptions/", include((record_urlpatterns(SUBSCRIPTIONS), "subscriptions"))),
    path("app-users/", include((record_urlpatterns(APP_USERS), "appusers"))),
]
