"""Findings and recommendations from figures, by rules whose thresholds regional staff edit.
Each finding states its threshold and quotes the figure that triggered it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from branches.models import OrgUnit
from branches.text import format_number, format_percent
from monitoring.selectors import Figures
from publications.models import Platform, Publication
from reports.grammar import join, ru_plural
from reports.models import ReportRules

DEFAULT_PLATFORMS = ("facebook", "instagram", "telegram")


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
    kk = language == "kk"
    out: list[Finding] = []
    content = figures.content

    # Shares over the items whose topic is known; no finding where none is.
    share = {code: share for code, _l, _n, share in content.topic_shares()}.get(
        Publication.Topic.ORGANIZATIONAL
    )
    if share is not None and Decimal(str(share)) > rules.organizational_share_max:
        figure, limit = format_percent(share), format_percent(rules.organizational_share_max)
        out.append(Finding("content", (
            f"Материалдардың басым бөлігі – ұйымдастырушылық іс-шаралар туралы хабарлар "
            f"({figure}, шегі – {limit}). Ақпараттық материалдардың мазмұнын күшейтуге назар "
            f"аудару қажет." if kk else
            f"Большинство материалов – сообщения об организационных мероприятиях ({figure}, "
            f"порог – {limit}). Следует обратить внимание на усиление содержания "
            f"информационных материалов."
        )))  # fmt: skip

    per_hundred = figures.followers_per_hundred
    if per_hundred is not None and Decimal(str(per_hundred)) < rules.followers_per_hundred_min:
        figure = format_number(per_hundred, 1)
        limit = format_number(rules.followers_per_hundred_min, 1)
        followers = format_number(figures.followers_total)
        members = format_number(figures.organization.members)
        out.append(Finding("audience", (
            f"Облыстық ұйымның парақшаларында {followers} жазылушы бар: 100 мүшеге {figure} "
            f"(шегі – {limit}; мүшелер саны – {members}). Әлеуметтік желілердегі парақшалардың "
            f"жазылушылар санын арттыру бойынша қарқынды жұмыс жүргізу қажет." if kk else
            f"У страниц областной организации {followers} "
            f"{ru_plural(figures.followers_total, 'подписчик', 'подписчика', 'подписчиков')}: "
            f"{figure} на 100 членов "
            f"профсоюза (порог – {limit}; численность членов – {members}). Необходимо вести "
            f"активную работу по увеличению числа подписчиков страниц в социальных сетях."
        )))  # fmt: skip

    present = {page.resource.platform_id for page in figures.unit_pages}
    missing = [p for p in rules.default_platforms if p.pk not in present]
    if missing:
        names = join([p.label for p in missing], language=language)
        out.append(Finding("platforms", (
            f"Облыстық ұйымның {names} желілерінде парақшасы жоқ. Әлеуметтік желілерде басқа "
            f"да парақшаларды ашу қажет: {', '.join(p.label for p in missing)}." if kk else
            f"У областной организации нет страниц в сетях {names}. Следует открыть страницы "
            f"и в других социальных сетях: {', '.join(p.label for p in missing)}."
        )))  # fmt: skip

    legal = content.legal_share
    if legal is not None and Decimal(str(legal)) < rules.legal_share_min:
        figure, limit = format_percent(legal), format_percent(rules.legal_share_min)
        count, base = format_number(content.legal), format_number(content.legal_known)
        out.append(Finding("legal", (
            f"Құқықтық тақырыптағы материалдар тым аз: {base} материалдың ішінде – {count} "
            f"({figure}; ең төменгі межесі – {limit}). Құқықтық тақырыптар бойынша "
            f"семинарлар өткізуге көңіл бөлу қажет." if kk else
            f"Материалов на правовые темы слишком мало: {count} из {base} ({figure}; "
            f"минимум – {limit}). Следует уделить внимание проведению семинаров на правовые "
            f"темы."
        )))  # fmt: skip

    without = [row.branch.label for row in figures.branches_without_pages]
    if without:
        names = join(without, language=language)
        total = len(figures.branches)
        out.append(Finding("branch_pages", (
            f"Әлеуметтік желілерде парақшасы жоқ филиалдар ({len(without)}, барлық филиалдар "
            f"саны – {total}): {names}. Оларға парақша ашу ұсынылады." if kk else
            f"Филиалы без страниц в социальных сетях ({len(without)} из {total}): {names}. "
            f"Им рекомендуется открыть страницы."
        )))  # fmt: skip

    months = len(figures.period.months)
    silent = [row for row in figures.completeness if row.silent > rules.silent_months_max]
    if silent:
        names = join([f"{row.branch.label} ({row.silent})" for row in silent], language=language)
        limit = rules.silent_months_max
        out.append(Finding("silent", (
            f"Кезеңнің {months} айының {limit} айдан көбінде материал жарияламаған филиалдар "
            f"(материалсыз айлар саны жақша ішінде): {names}." if kk else
            f"Филиалы, не публиковавшие материалов более {limit} месяцев из {months} "
            f"(число таких месяцев в скобках): {names}."
        )))  # fmt: skip

    # Only where both spans are known at the same grain.
    falling = [row for row in figures.by_platform.rows
               if row.comparable and row.current < row.previous]  # fmt: skip
    if falling and figures.period.year > figures.by_platform.years[0]:
        items = [f"{row.key.label} – {row.current} ({row.previous})" for row in falling]
        out.append(Finding("decline", (
            f"Өткен жылдың сол кезеңімен салыстырғанда материалдар азайды (жақша ішінде – "
            f"өткен жылғы сан): {join(items, language=language)}." if kk else
            f"По сравнению с тем же периодом прошлого года материалов стало меньше (в скобках – "
            f"прошлогоднее число): {join(items, language=language)}."
        )))  # fmt: skip
    return out
