"""The Анықтама: read it, edit its text, issue it, download it; issued reports as issued."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from branches.locks import period_lock_list
from branches.middleware import too_many_requests
from branches.models import PeriodLock
from branches.records.excel import XLSX_CONTENT_TYPE
from branches.security import security_event
from monitoring.cache import cached_figures
from monitoring.periods import Period, period_parse
from reports import forms
from reports.content import SECTIONS
from reports.render import presentable
from reports.rules import rules_for
from reports.selectors import (
    issued_report_list,
    report_region_list,
    report_years,
)
from reports.services import (
    TEXT_MAX_LENGTH,
    report_draft_save,
    report_file_cached,
    report_file_render,
    report_generate,
    report_issue,
    report_period_unlock,
)

ISSUE_PERM = "reports.issue_report"


def _region(request: HttpRequest, slug: str):
    """The region, if the user may read its reports; another region is a 404."""
    return get_object_or_404(report_region_list(user=request.user), slug=slug)


def _language(request: HttpRequest) -> str:
    chosen = request.GET.get("lang") or request.POST.get("lang") or request.LANGUAGE_CODE
    return "ru" if chosen == "ru" else "kk"


def _period(request: HttpRequest, year: int) -> Period:
    params = request.GET if request.method == "GET" else request.POST
    return period_parse(year=str(year), as_of=params.get("as_of"))


def _require_issuer(request: HttpRequest) -> None:
    if not request.user.has_perm(ISSUE_PERM):
        raise PermissionDenied


@login_required
def report_index(request: HttpRequest) -> HttpResponse:
    regions = list(report_region_list(user=request.user))
    years = cached_figures(
        "report-years:" + ",".join(str(r.pk) for r in regions),
        lambda: report_years(regions=regions),
    )
    context = {
        "regions": [(region, years.get(region.pk, [])) for region in regions],
        "issued": issued_report_list(user=request.user)[:100],
    }
    return render(request, "reports/report_index.html", context)


@login_required
def report_page(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The report of a region and period (GET); staff's edits of its text (POST)."""
    region = _region(request, slug)
    period, language = _period(request, year), _language(request)
    if request.method == "POST":
        _require_issuer(request)
        texts = {key: request.POST.get(f"text-{key}", "") for key in SECTIONS}
        try:
            report_draft_save(
                region=region, period=period, language=language, texts=texts,
                commentary=request.POST.get("commentary", ""), author=request.user,
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_report_url(region.slug, period, language))
        messages.success(request, _("Your edits are saved. They are used until you clear them."))
        return redirect(_report_url(region.slug, period, language))
    report = presentable(report_generate(region=region, period=period, language=language))
    context = {
        "region": region,
        "period": period,
        "language": language,
        "report": report,
        "can_issue": request.user.has_perm(ISSUE_PERM),
        "issue_form": forms.IssueForm(),
        "query": _query(period, language),
        "text_max_length": TEXT_MAX_LENGTH,
    }
    return render(request, "reports/report_page.html", context)


def _query(period: Period, language: str) -> str:
    return urlencode({**({"as_of": period.as_of.isoformat()} if period.as_of else {}),
                      "lang": language})  # fmt: skip


def _report_url(slug: str, period: Period, language: str) -> str:
    return f"{reverse('reports:page', args=[slug, period.year])}?{_query(period, language)}"


FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": XLSX_CONTENT_TYPE,
}


@login_required
def report_file(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    """The report as a PDF, a Word file or Excel tables."""
    region = _region(request, slug)
    period, language = _period(request, year), _language(request)
    where = {"region": region, "period": period, "language": language, "fmt": fmt}
    if _limited(request, "report-download", settings.REPORT_DOWNLOAD_RATE):
        return _too_many_files(request)
    content = report_file_cached(**where)
    if content is None:
        if _limited(request, "report-render", settings.REPORT_RENDER_RATE):
            return _too_many_files(request)
        content = report_file_render(**where)
    name = _report_file_name(region.slug, period, language, fmt)
    return _download(request, content, FORMATS[fmt], name)


def _limited(request: HttpRequest, group: str, rate: str) -> bool:
    """Counts this request against the user's `rate` for `group`; true once past it."""
    limited = is_ratelimited(request, group=group, key="user", rate=rate, increment=True)
    if limited:
        security_event("rate_limited", request, path=request.path[:100])
    return limited


def _too_many_files(request: HttpRequest) -> HttpResponse:
    return too_many_requests(
        request, _("You asked for many report files in a short time. Wait a minute.")
    )


def _report_file_name(slug: str, period: Period, language: str, extension: str) -> str:
    name = f"anyqtama-{slug}-{period.year}"
    if period.is_partial:
        name += f"-{period.end.isoformat()}"
    return f"{name}-{language}.{extension}"


def _download(request: HttpRequest, content: bytes, mime: str, name: str) -> HttpResponse:
    security_event("report_download", request, file=name)
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def report_issue_view(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    _require_issuer(request)
    region = _region(request, slug)
    form = forms.IssueForm(request.POST)
    form.is_valid()
    issued = report_issue(
        region=region, period=_period(request, year), language=_language(request),
        author=request.user, lock=form.cleaned_data.get("lock", False),
    )  # fmt: skip
    security_event("report_issued", request, number=issued.number)
    messages.success(request, _("Issued: № %(number)s.") % {"number": issued.number})
    return redirect(issued.get_absolute_url())


@login_required
def issued_page(request: HttpRequest, pk: int) -> HttpResponse:
    issued = get_object_or_404(issued_report_list(user=request.user), pk=pk)
    context = {"issued": issued, "report": presentable(issued.content)}
    return render(request, "reports/issued_page.html", context)


@login_required
def issued_file(request: HttpRequest, pk: int, kind: str) -> FileResponse:
    issued = get_object_or_404(issued_report_list(user=request.user), pk=pk)
    stored = issued.pdf if kind == "pdf" else issued.docx
    security_event("report_download", request, file=f"{issued.number}.{kind}")
    return FileResponse(stored.open("rb"), as_attachment=True, filename=f"{issued.number}.{kind}")


@login_required
def rules_edit(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug)
    if not request.user.has_perm("monitoring.manage_region"):
        raise PermissionDenied
    rules = rules_for(region=region)
    initial = {"platforms": rules.default_platforms} if rules.pk is None else {}
    form = forms.ReportRulesForm(
        request.POST or None, instance=rules, initial=initial, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.version += 1
        saved._history_user = request.user
        saved.created_by = saved.created_by or request.user
        saved.save()
        form.save_m2m()
        messages.success(request, _("Saved."))
        return redirect("reports:rules", slug=slug)
    return render(request, "reports/rules_form.html", {"region": region, "form": form})


@login_required
def locks_page(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region(request, slug)
    context = {
        "region": region,
        "locks": period_lock_list(region=region),
        "can_unlock": request.user.has_perm("monitoring.manage_region"),
    }
    return render(request, "reports/locks.html", context)


@login_required
@require_POST
def lock_release(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    region = _region(request, slug)
    if not request.user.has_perm("monitoring.manage_region"):
        raise PermissionDenied
    lock = get_object_or_404(PeriodLock, pk=pk, region=region)
    report_period_unlock(lock=lock, author=request.user)
    security_event("period_unlocked", request, region=region.slug, year=lock.year)
    messages.success(request, _("The year %(year)s is open to edits again.") % {"year": lock.year})
    return redirect("reports:locks", slug=slug)
