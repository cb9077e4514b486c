"""Findings and recommendations from figures, by rules whose thresholds regional staff edit.
Each finding states its threshold and quotes the figure that triggered it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from branches.models import OrgUnit
from branches.text import format_number, format_percent
from monitoring.selectors import Figures
from publications.models import Platform, Publication
from reports.grammar import join, ru_plural, ru_plural_after
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
            f"Ақпараттық материалдардың мазмұнын күшейтуге назар аудару: материалдардың "
            f"{figure}-ы ұйымдастырушылық іс-шаралар туралы хабарлар, ал ең жоғарғы межесі – "
            f"{limit}." if kk else
            f"Обратить внимание на усиление содержания информационных материалов: {figure} "
            f"материалов – сообщения об организационных мероприятиях, тогда как допустимо не "
            f"более {limit}."
        )))  # fmt: skip

    per_hundred = figures.followers_per_hundred
    if per_hundred is not None and Decimal(str(per_hundred)) < rules.followers_per_hundred_min:
        figure, limit = _n1(per_hundred), _n1(rules.followers_per_hundred_min)
        each = ru_plural_after(round(per_hundred, 1), "подписчик", "подписчика", "подписчиков")
        out.append(Finding("audience", (
            f"Әлеуметтік желілердегі парақшалардың жазылушылар санын арттыру бойынша қарқынды "
            f"жұмыс жүргізу: әр 100 мүшеге бар-жоғы {figure} жазылушыдан келеді, ал межесі – "
            f"кемінде {limit}." if kk else
            f"Вести активную работу по увеличению числа подписчиков страниц в социальных сетях: "
            f"на каждые 100 членов профсоюза приходится всего {figure} {each} при ориентире не "
            f"менее {limit}."
        )))  # fmt: skip

    present = {page.resource.platform_id for page in figures.unit_pages}
    missing = [p for p in rules.default_platforms if p.pk not in present]
    if missing:
        names = join([p.label for p in missing], language=language)
        out.append(Finding("platforms", (
            f"Әлеуметтік желілерде басқа да парақшаларды ашу: {names}." if kk else
            f"Открыть страницы и в других социальных сетях: {names}."
        )))  # fmt: skip

    legal = content.legal_share
    if legal is not None and Decimal(str(legal)) < rules.legal_share_min:
        figure, limit = format_percent(legal), format_percent(rules.legal_share_min)
        out.append(Finding("legal", (
            f"Құқықтық тақырыптар бойынша семинарлар өткізуге көңіл бөлу: құқықтық тақырыптағы "
            f"материалдардың үлесі бар-жоғы {figure}, ал ең төменгі межесі – {limit}." if kk else
            f"Уделить внимание проведению семинаров на правовые темы: доля материалов на правовые "
            f"темы – всего {figure} при ориентире не менее {limit}."
        )))  # fmt: skip

    without = [row.branch.label for row in figures.branches_without_pages]
    if without:
        names = join(without, language=language)
        out.append(Finding("branch_pages", (
            f"Әлеуметтік желілерде парақшасы жоқ филиалдарға парақша ашуға көмектесу: {names}."
            if kk else
            f"Помочь открыть страницы в социальных сетях филиалам, у которых их нет: {names}."
        )))  # fmt: skip

    months = len(figures.period.months)
    silent = [row for row in figures.completeness if row.silent > rules.silent_months_max]
    if silent:
        limit = rules.silent_months_max
        names = join(
            [
                f"{row.branch.label} – {row.silent} "
                + ("ай" if kk else ru_plural(row.silent, "месяц", "месяца", "месяцев"))
                for row in silent
            ],
            language=language,
        )
        out.append(Finding("silent", (
            f"Ұзақ уақыт материал жарияламаған филиалдардың ақпараттық жұмысын жандандыру: "
            f"кезеңнің {months} айының ішінде материалсыз өткен айлар саны {names}; межесі – "
            f"{limit} айдан аспау." if kk else
            f"Оживить информационную работу филиалов, которые долго не публиковали материалов: "
            f"из {months} месяцев периода без материалов прошло у филиалов {names}; допустимо "
            f"не более {limit}."
        )))  # fmt: skip

    # Only where both spans are known at the same grain.
    falling = [row for row in figures.by_platform.rows
               if row.comparable and row.current < row.previous]  # fmt: skip
    if falling and figures.period.year > figures.by_platform.years[0]:
        items = [(f"{row.key.label} – {row.current}, өткен жылы {row.previous}" if kk else
                  f"{row.key.label} – {row.current} против {row.previous} годом ранее")
                 for row in falling]  # fmt: skip
        out.append(Finding("decline", (
            f"Материалдар санының азаюын тоқтату: өткен жылдың сол кезеңімен салыстырғанда "
            f"{join(items, language=language)}." if kk else
            f"Остановить сокращение числа материалов: по сравнению с тем же периодом прошлого "
            f"года {join(items, language=language)}."
        )))  # fmt: skip
    return out
