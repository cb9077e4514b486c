"""The monthly digest for people who never log in: a short Kazakh summary of their region's
month, with the current Анықтама's PDF attached."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import QuerySet

from branches.models import Assignment, OrgUnit
from branches.text import format_number
from monitoring.periods import Period, month_end
from monitoring.selectors import MonthSummary, month_summary
from reports.grammar import join
from reports.render import render_pdf
from reports.services import report_generate

KK_MONTHS = [
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
    "қазан", "қараша", "желтоқсан",
]  # fmt: skip
RECIPIENT_ROLES = (Assignment.Role.EXECUTIVE, Assignment.Role.REGIONAL_STAFF)


def digest_recipients(*, region: OrgUnit) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(unit=region, role__in=RECIPIENT_ROLES, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    )


def digest_text(summary: MonthSummary) -> tuple[str, str]:
    """The subject and body, in Kazakh."""
    month = f"{summary.month.year} жылғы {KK_MONTHS[summary.month.month - 1]}"
    subject = f"Ақпарат мониторингі: {summary.unit.name}, {month}"
    lines = [f"{summary.unit.name}: {month} айының ақпараттық жұмысы.", ""]
    before = sum(previous for _platform, _this, previous in summary.by_platform)
    lines.append(f"Барлығы {format_number(summary.total)} материал жарияланды "
                 f"(алдыңғы айда – {format_number(before)}).")  # fmt: skip
    for platform, this, before in summary.by_platform:
        lines.append(f"  • {platform.label}: {format_number(this)} (алдыңғы айда – "
                     f"{format_number(before)})")  # fmt: skip
    lines.append("")
    if summary.covering:
        spans = join(sorted({t.span_label for t in summary.covering}), language="kk")
        lines.append(f"Бұл айдың материалдары толық белгісіз: олардың бір бөлігі бірнеше айдың "
                     f"жиынтық санында ғана тіркелген ({spans}), сондықтан филиалдардың "
                     f"осы айдағы белсенділігі бағаланбайды.")  # fmt: skip
    elif summary.silent_branches:
        names = join([b.label for b in summary.silent_branches], language="kk")
        lines.append(f"Осы айда материал жарияламаған филиалдар: {names}.")
    else:
        lines.append("Барлық филиалдар осы айда материал жариялады.")
    if summary.overdue_tasks:
        lines.append("Мерзімі өткен тапсырмалар:")
        for task in summary.overdue_tasks:
            lines.append(f"  • {task.description} ({task.due_on:%d.%m.%Y})")
    else:
        lines.append("Мерзімі өткен тапсырма жоқ.")
    for page, before, now in summary.followers:
        if now is None:
            continue
        change = "" if before is None else f" (айдың басында – {format_number(before)})"
        lines.append(f"{page.name}: {format_number(now)} жазылушы{change}.")
    lines += ["", "Ағымдағы анықтаманың PDF файлы тіркелген.", "", "— Ақпарат мониторингі"]
    return subject, "\n".join(lines)


def digest_send(*, region: OrgUnit, month: date) -> int:
    """Mail the region's digest to its executives and staff; returns how many were sent."""
    recipients = [a.user.email for a in digest_recipients(region=region)]
    if not recipients:
        return 0
    summary = month_summary(unit=region, month=month)
    subject, body = digest_text(summary)
    period = Period(month.year, month_end(month))
    pdf = render_pdf(report_generate(region=region, period=period, language="kk"))
    sent = 0
    for address in recipients:
        message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
        message.attach(f"anyqtama-{region.slug}-{period.end:%Y-%m-%d}.pdf", pdf, "application/pdf")
        sent += message.send()
    return sent
