from django.urls import include, path

from branches.records.urls import record_urlpatterns
from monitoring.records import REVIEWS, SNAPSHOTS, TARGETS

urlpatterns = [
    path("audience/", include((record_urlpatterns(SNAPSHOTS), "snapshots"))),
    path("reviews/", include((record_urlpatterns(REVIEWS), "reviews"))),
    path("targets/", include((record_urlpatterns(TARGETS), "targets"))),
]
