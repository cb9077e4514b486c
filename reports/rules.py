"""Findings and recommendations from figures, by rules whose thresholds regional staff edit.
Each finding states its threshold and quotes the figure that triggered it. The code chooses
what to say; the words are in `reports/messages/{kk,ru}.ftl`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from branches.models import OrgUnit
from branches.text import format_number, format_percent
from monitoring.selectors import Figures
from publications.models import Platform, Publication
from reports.grammar import inline_label, join
from reports.messages import say
from reports.models import ReportRules

DEFAULT_PLATFORMS = ("facebook", "instagram", "telegram")


def _n1(value) -> str:
    """A figure with one decimal, without «,0»: 1, 1,4."""
    text = format_number(value, 1)
    return text[:-2] if text.endswith(",0") else text


@dataclass(frozen=True)
class Finding:
    rule: str
    text: str


def rules_for(*, region: OrgUnit) -> ReportRules:
    """The region's thresholds; the defaults until staff change them (nothing is saved)."""
    rules = ReportRules.objects.filter(region=region).first()
    if rules is None:
        rules = ReportRules(region=region)
        rules.default_platforms = list(Platform.objects.filter(slug__in=DEFAULT_PLATFORMS))
    else:
        rules.default_platforms = list(rules.platforms.all()) if rules.pk else []
    return rules


def findings(*, figures: Figures, rules: ReportRules, language: str) -> list[Finding]:
    """The findings in the source's order; their wording is in `reports/messages/*.ftl`."""
    out: list[Finding] = []
    content = figures.content

    def add(rule: str, message: str, **args) -> None:
        out.append(Finding(rule, say(language, message, **args)))

    # Shares over the items whose topic is known; no finding where none is.
    share = {code: share for code, _l, _n, share in content.topic_shares()}.get(
        Publication.Topic.ORGANIZATIONAL
    )
    if share is not None and Decimal(str(share)) > rules.organizational_share_max:
        add("content", "finding-content", figure=format_percent(share),
            limit=format_percent(rules.organizational_share_max))  # fmt: skip

    per_hundred = figures.followers_per_hundred
    if per_hundred is not None and Decimal(str(per_hundred)) < rules.followers_per_hundred_min:
        add("audience", "finding-audience", figure=_n1(per_hundred),
            count=round(per_hundred, 1), limit=_n1(rules.followers_per_hundred_min))  # fmt: skip

    present = {page.resource.platform_id for page in figures.unit_pages}
    missing = [p for p in rules.default_platforms if p.pk not in present]
    if missing:
        add("platforms", "finding-platforms",
            names=join([p.label for p in missing], language=language))  # fmt: skip

    legal = content.legal_share
    if legal is not None and Decimal(str(legal)) < rules.legal_share_min:
        add("legal", "finding-legal", figure=format_percent(legal),
            limit=format_percent(rules.legal_share_min))  # fmt: skip

    without = [inline_label(row.branch.label) for row in figures.branches_without_pages]
    if without:
        add("branch_pages", "finding-branch-pages", names=join(without, language=language))

    silent = [row for row in figures.completeness if row.silent > rules.silent_months_max]
    if silent:
        rows = [say(language, "silent-branch", branch=inline_label(row.branch.label),
                    count=row.silent) for row in silent]  # fmt: skip
        add("silent", "finding-silent", months=len(figures.period.months),
            list=join(rows, language=language), limit=rules.silent_months_max)  # fmt: skip

    # Only where both spans are known at the same grain.
    falling = [row for row in figures.by_platform.rows
               if row.comparable and row.current < row.previous]  # fmt: skip
    if falling and figures.period.year > figures.by_platform.years[0]:
        rows = [say(language, "decline-row", name=row.key.label, current=format_number(row.current),
                    previous=format_number(row.previous)) for row in falling]  # fmt: skip
        add("decline", "finding-decline", list=join(rows, language=language))
    return out
