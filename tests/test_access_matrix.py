"""Every URL of the portal, with every demo role (anonymous too) and every method it takes.

The expected outcome of each comes from two tables: what each URL is (`URLS`) and what each
role may do (`ROLES`). A URL that is not in `URLS` fails the suite, so a new page cannot ship
without its access rules being stated here."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from branches.imports import BranchImporter, PrimaryOrganizationImporter
from branches.models import Assignment, ImportBatch, PeriodLock
from monitoring.models import AudienceSnapshot, CommitteeReview, Target
from monitoring.periods import Period
from publications.imports import COLUMNS
from publications.models import MethodologicalMaterial, Publication, Resource, Tally, TopicRule
from publications.tally_imports import TallyImporter
from reports.models import IssuedReport
from reports.services import report_generate
from tests.factories import AssignmentFactory, PublicationFactory, UserFactory
from tests.xlsx import xlsx_file


@dataclass(frozen=True)
class Role:
    perms: frozenset = frozenset()  # log, import, manage
    sees: frozenset = frozenset()  # aksuat (records of Aksuat), abai (the region's own)
    changes: frozenset = frozenset()


# "keep": pages and outside media (a region its own, the central press service the national
# ones); "people": invite and manage people (an administrator everyone, staff their region's);
# "regions": make a new region. Central press issues only its own assessments: it can never lock
# or unlock a region's year ("unlock" is staff's and administrators').
ROLES = {
    "anonymous": None,
    "no_role": Role(),  # signed in, not yet placed: pages say whom to ask
    "aksuat_officer": Role({"log", "import"}, {"aksuat"}, {"aksuat"}),
    "urzhar_officer": Role({"log", "import"}),
    "abai_staff": Role(
        {"log", "import", "manage", "issue", "keep", "people"},
        {"aksuat", "abai"},
        {"aksuat", "abai"},
    ),
    "abai_executive": Role(frozenset(), {"aksuat", "abai"}),
    "central_press": Role({"issue", "keep"}, {"aksuat", "abai"}),
    "admin": Role(
        {"log", "import", "manage", "issue", "keep", "people", "regions"},
        {"aksuat", "abai"},
        {"aksuat", "abai"},
    ),
    "other_region_staff": Role({"log", "import", "manage", "issue", "keep", "people"}),
}

# Record types: the permission that writes them, and whose record the test object is.
RECORDS = {
    "publications": ("log", "aksuat"),
    "tallies": ("log", "aksuat"),
    "materials": ("log", "aksuat"),
    "snapshots": ("log", "aksuat"),
    "resources": ("keep", "aksuat"),
    "reviews": ("manage", "abai"),
    "targets": ("manage", "abai"),
    "subscriptions": ("manage", "abai"),
    "appusers": ("manage", "abai"),
    "topic_rules": ("manage", "abai"),
}
RECORD_VIEWS = ["list", "create", "deleted", "detail", "update", "delete", "restore"]
IMPORTS = {
    "publications": "import",
    "tallies": "import",
    "primaries": "manage",
    "branches": "manage",
}

BATCH_OWNER = "abai_staff"  # the uploads in the matrix are theirs

URLS = {
    "home": "page",
    "login": "login",
    "logout": "logout",
    "set_language": "set_language",
    "password_change": "page",
    "password_change_done": "page",
    "password_reset": "public",
    "password_reset_done": "public",
    "password_reset_confirm": "public",  # a made-up link: the page says it is not valid
    "password_reset_complete": "public",
    "primaries:list": "page",
    "dashboard:home": "dashboard_home",
    "dashboard:unit": "dashboard_unit",  # Abai's
    "dashboard:weights": "league_weights",
    "reports:index": "page",
    "reports:page": "report_page",  # Abai's 2024 report
    "reports:pdf": "report_read",
    "reports:docx": "report_read",
    "reports:xlsx": "report_read",
    "reports:issue": "report_issue",
    "reports:issued": "report_read",
    "reports:issued_pdf": "report_read",
    "reports:issued_docx": "report_read",
    "reports:rules": "report_rules",
    "reports:locks": "report_read",
    "reports:unlock": "report_unlock",
    **{f"{ns}:{view}": f"record:{view}" for ns in RECORDS for view in RECORD_VIEWS},
    "reviews:formset_item": "formset_item",
    "people:list": "people:list",
    "people:invite": "people:form",
    "people:edit": "people:person",  # aksuat_officer's account
    "people:active": "people:active",
    "units:region_create": "region_create",
    "units:people_fields": "region_page",  # Abai's
    "onboarding": "region_page",
    "branches:list": "own_region_page",
    "branches:create": "own_region_page",
    "publications:export": "record:export",
    "tallies:export": "record:export",
    "publications:paste": "paste",
    "publications:import_rows": "import:import_rows",
    **{
        f"{ns}:{view}": f"import:{view}"
        for ns in IMPORTS
        for view in ("import", "import_template", "import_batch", "import_refused")
    },
}


def _all_url_names(resolver=None, namespace="") -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _all_url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_of_the_portal_has_its_expected_outcomes():
    portal = {name for name in _all_url_names() if not name.startswith("admin:")}
    missing = portal - set(URLS)
    assert not missing, f"add these URLs to the access matrix: {sorted(missing)}"
    assert not set(URLS) - portal, "the matrix names URLs that no longer exist"


def _expected(name: str, method: str, role_name: str) -> int | None:
    """The status code `role_name` gets; None where the URL does not exist."""
    kind = URLS[name]
    role = ROLES[role_name]
    if kind == "login":
        return 200 if method == "GET" and role is None else 302 if method == "GET" else None
    if kind in ("logout", "set_language"):
        return 302 if method == "POST" else None
    if kind == "public":
        return 200 if method == "GET" else None
    if role is None:
        return 302  # to the login page
    if kind == "page":
        return 200 if method == "GET" else None
    if kind == "paste":  # a form: the pasted text, then the grid
        return 200 if "import" in role.perms else 403
    if kind == "dashboard_home":  # the national view, or a redirect to one's own unit
        if method != "GET":
            return None
        return 200 if role_name in ("central_press", "admin", "no_role") else 302
    if kind == "formset_item":
        if method == "POST":
            return 405
        return 200 if "manage" in role.perms else 403
    if kind.startswith("people:"):
        view = kind.split(":")[1]
        if "people" not in role.perms:
            return 403 if method == "POST" or view != "active" else 405
        if view == "list":
            return 200 if method == "GET" else None
        if view == "form":
            return 200
        if "aksuat" not in role.sees:
            return 405 if (view, method) == ("active", "GET") else 404
        if view == "active":
            return 302 if method == "POST" else 405
        return 200
    if kind == "region_create":
        return 200 if "regions" in role.perms else 403
    if kind in ("region_page", "own_region_page"):
        if "manage" not in role.perms:
            return 403
        if kind == "own_region_page":  # one's own region; an administrator names one (?region=)
            return 404 if role_name == "admin" else 200
        return 200 if "abai" in role.sees else 404
    if kind == "league_weights":  # kept by those who keep the national reference lists
        return 200 if role_name in ("central_press", "admin") else 403
    if kind == "dashboard_unit":
        return (200 if "abai" in role.sees else 404) if method == "GET" else None
    sees_abai = "abai" in role.sees
    if kind == "report_read":
        return (200 if sees_abai else 404) if method == "GET" else None
    if kind == "report_page":
        if method == "GET" or not sees_abai:
            return 200 if sees_abai else 404
        return 302 if "issue" in role.perms else 403
    if kind == "report_issue":
        if method == "GET":
            return 405
        if "issue" not in role.perms:
            return 403
        return 302 if sees_abai else 404
    if kind in ("report_rules", "report_unlock"):
        if kind == "report_unlock" and method == "GET":
            return 405
        if not sees_abai:
            return 404
        if "manage" not in role.perms:
            return 403
        return 302 if kind == "report_unlock" else 200
    group, view = kind.split(":")
    namespace = name.split(":")[0]
    if group == "import":
        allowed = IMPORTS[namespace] in role.perms
        if not allowed:
            return 403
        if view == "import_template":
            return 200 if method == "GET" else None
        if view == "import_batch":
            return (200 if method == "GET" else 302) if role_name == BATCH_OWNER else 404
        if view in ("import_refused", "import_rows"):
            return (200 if role_name == BATCH_OWNER else 404) if method == "GET" else None
        return 200
    perm, owner = RECORDS[namespace]
    can_write, sees, changes = perm in role.perms, owner in role.sees, owner in role.changes
    if view in ("list", "export"):
        return 200 if method == "GET" else None
    if view == "create":
        return 200 if can_write else 403
    if view == "deleted":
        return (200 if "manage" in role.perms else 403) if method == "GET" else None
    if view == "restore":
        if method == "GET":
            return 405
        return 404 if "manage" in role.perms else 403  # the test object is not deleted
    if view == "detail":
        return (200 if sees else 404) if method == "GET" else None
    # update and delete
    if not can_write:
        return 403
    if not sees:
        return 404
    if not changes:
        return 403
    return 302 if (view, method) == ("delete", "POST") else 200


def _tally(page, unit) -> Tally:
    tally = Tally.objects.create(
        unit=unit, platform=page.platform, starts_on=date(2024, 1, 1), ends_on=date(2024, 3, 31),
        count=7,
    )  # fmt: skip
    tally.resources.set([page])
    return tally


@pytest.fixture
def objects(db, aksuat, abai, admin_user):
    page = Resource.objects.get(owner=aksuat)
    return {
        "publications": PublicationFactory(resource=page, unit=aksuat),
        "tallies": _tally(page, aksuat),
        "resources": page,
        "materials": MethodologicalMaterial.objects.create(unit=aksuat, year=2024, title="Кітап"),
        "snapshots": AudienceSnapshot.objects.create(
            resource=page, taken_on=date(2024, 1, 1), followers=10
        ),
        "reviews": CommitteeReview.objects.filter(unit=abai).first(),
        "targets": Target.objects.create(unit=abai, year=2024, metric="publications", value=100),
        **_subscription_and_app_users(abai),
        "topic_rules": TopicRule.objects.create(unit=abai, topic="legal", words="құқық, заң"),
    }


def _cases():
    for name in sorted(URLS):
        for method in ("GET", "POST"):
            for role_name in ROLES:
                if _expected(name, method, role_name) is not None:
                    yield name, method, role_name


@pytest.mark.parametrize(("name", "method", "role_name"), list(_cases()))
def test_access(client, objects, other_region, name, method, role_name):
    if role_name == "other_region_staff":
        user = AssignmentFactory(unit=other_region, role=Assignment.Role.REGIONAL_STAFF).user
    elif role_name == "no_role":
        user = UserFactory(username="no-role-yet")
    elif role_name != "anonymous":
        user = Assignment.objects.get(user__username=role_name).user
    if role_name != "anonymous":
        client.force_login(user)
    url = reverse(name, kwargs=_url_kwargs(name, objects))
    before = _state(objects)
    response = client.get(url) if method == "GET" else client.post(url, {})
    expected = _expected(name, method, role_name)
    assert response.status_code == expected, f"{method} {url} as {role_name}"
    if response.status_code in (403, 404, 405):
        assert _state(objects) == before, "a refused request changed nothing"


def _url_kwargs(name: str, objects: dict) -> dict:
    """The arguments of a URL: Abai's report pages, the test objects, an upload, a lock."""
    namespace, _, view = name.partition(":")
    if namespace == "reports":
        if view in ("issued", "issued_pdf", "issued_docx"):
            return {"pk": _issued_report().pk}
        if view == "unlock":
            issued = _issued_report()
            lock = PeriodLock.objects.create(
                region=issued.region, year=2024, locked_by=issued.issued_by
            )
            return {"slug": "abai", "pk": lock.pk}
        if view in ("page", "pdf", "docx", "xlsx", "issue"):
            return {"slug": "abai", "year": 2024}
        return {"slug": "abai"} if view in ("rules", "locks") else {}
    if name in ("dashboard:unit", "units:people_fields", "onboarding"):
        return {"slug": "abai"}
    if name in ("people:edit", "people:active"):
        return {"pk": Assignment.objects.get(user__username="aksuat_officer").user_id}
    if name == "password_reset_confirm":
        return {"uidb64": "MQ", "token": "made-up-token"}
    if view in ("import_batch", "import_refused", "import_rows"):
        kind, columns = {
            "publications": (ImportBatch.Kind.PUBLICATIONS, COLUMNS),
            "tallies": (ImportBatch.Kind.TALLIES, TallyImporter.columns),
            "branches": (ImportBatch.Kind.BRANCHES, BranchImporter.columns),
        }.get(
            namespace, (ImportBatch.Kind.PRIMARY_ORGANIZATIONS, PrimaryOrganizationImporter.columns)
        )
        owner = Assignment.objects.get(user__username=BATCH_OWNER).user
        batch = ImportBatch(kind=kind, created_by=owner, original_name="x.xlsx")
        batch.file.save("x.xlsx", xlsx_file([[c.headers[0] for c in columns if c.required]]))
        return {"pk": batch.pk}
    if view in ("detail", "update", "delete", "restore"):
        return {"pk": objects[namespace].pk}
    return {}


def _subscription_and_app_users(abai) -> dict:
    from monitoring.models import AppUserCount, NewspaperSubscription

    return {
        "subscriptions": NewspaperSubscription.objects.filter(unit=abai).first(),
        "appusers": AppUserCount.objects.create(unit=abai, counted_on=date(2024, 1, 1), users=5),
    }


def _issued_report() -> IssuedReport:
    """An issued report with stand-in files (rendering is tested elsewhere)."""
    staff = Assignment.objects.get(user__username="abai_staff")
    issued = IssuedReport(
        region=staff.unit, year=2024, language="kk", number=f"T-{IssuedReport.objects.count()}",
        issued_on=date(2024, 9, 2), issued_by=staff.user,
        content=report_generate(region=staff.unit, period=Period(2024), language="kk"),
    )  # fmt: skip
    issued.pdf.save("t.pdf", ContentFile(b"%PDF-1.4"), save=False)
    issued.docx.save("t.docx", ContentFile(b"PK"), save=False)
    issued.save()
    return issued


def _state(objects) -> list:
    return [
        Publication.all_objects.count(),
        Publication.objects.count(),
        Tally.all_objects.count(),
        Tally.objects.count(),
        *[(type(o).__name__, o.pk, type(o).all_objects.get(pk=o.pk).version)
          for o in objects.values()],
    ]  # fmt: skip


@pytest.mark.parametrize("role_name", [r for r in ROLES if r not in ("anonymous", "no_role")])
def test_only_administrators_enter_the_admin_site(client, role_name, other_region):
    if role_name == "other_region_staff":
        user = AssignmentFactory(unit=other_region, role=Assignment.Role.REGIONAL_STAFF).user
    else:
        user = Assignment.objects.get(user__username=role_name).user
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == (200 if role_name == "admin" else 302)
