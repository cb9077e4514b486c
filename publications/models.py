"""Where things are published (platforms, resources), what was published, and booklets."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from branches.models import OrgUnit, TrackedRecord, localized
from branches.text import search_key
from publications.addresses import url_key as address_key

URL_MAX_LENGTH = 2048
http_url_validator = URLValidator(schemes=["http", "https"])


class Platform(models.Model):
    """A national reference list: Facebook, Instagram, Telegram, website, newspaper, TV, radio."""

    class Kind(models.TextChoices):
        SOCIAL = "social", _("social network")
        WEBSITE = "website", _("website")
        PRINT = "print", _("newspaper or magazine")
        TV = "tv", _("television")
        RADIO = "radio", _("radio")

    name = models.CharField(_("name"), max_length=100, unique=True)
    name_ru = models.CharField(_("name in Russian"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self.name, self.name_ru)


class Resource(TrackedRecord):
    """A page a unit owns (its Facebook page, its site) or an outside medium (a newspaper)."""

    class Kind(models.TextChoices):
        OWN_PAGE = "own_page", _("own page")
        OUTSIDE_MEDIUM = "outside_medium", _("outside medium")

    class Level(models.TextChoices):
        NATIONAL = "national", _("national")
        REGIONAL = "regional", _("regional")
        DISTRICT = "district", _("district")

    name = models.CharField(_("name"), max_length=255)
    name_ru = models.CharField(
        _("name in Russian"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty for a newspaper's or channel's own name."),
    )
    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="resources"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    owner = models.ForeignKey(
        OrgUnit,
        verbose_name=_("owner unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resources",
        help_text=_("The unit whose page this is; empty for an outside medium."),
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, blank=True)
    # An outside medium belongs to a region (its staff keep it, its people see it) or, without
    # one, is national: every region sees it, and only the central press service keeps it.
    region = models.ForeignKey(
        OrgUnit,
        verbose_name=_("regional organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outside_media",
        limit_choices_to={"kind": "region"},
        help_text=_("The region an outside medium belongs to; empty for a national medium."),
    )
    url = models.URLField(
        _("address"), max_length=URL_MAX_LENGTH, blank=True, validators=[http_url_validator]
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    # The platform's own id of the page (a Telegram channel's), learnt from its first export:
    # the next export finds its page by it even after a rename.
    external_id = models.CharField(_("id on the platform"), max_length=64, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["platform__sort_order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="own_page", owner__isnull=False, level=""))
                | models.Q(kind="outside_medium", owner__isnull=True),
                name="resource_page_has_owner_medium_has_none",
            ),
            models.CheckConstraint(
                condition=models.Q(region__isnull=True)
                | models.Q(kind="outside_medium", level__in=["regional", "district"]),
                name="resource_only_local_media_have_region",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("resources:detail", args=[self.pk])

    @property
    def label(self) -> str:
        return localized(self.name, self.name_ru)

    def clean(self) -> None:
        if self.kind == self.Kind.OWN_PAGE and self.owner_id is None:
            raise ValidationError({"owner": _("A unit's own page needs its owner unit.")})
        if self.kind == self.Kind.OUTSIDE_MEDIUM and self.owner_id is not None:
            raise ValidationError({"owner": _("An outside medium has no owner unit.")})
        if self.kind == self.Kind.OWN_PAGE and self.level:
            raise ValidationError({"level": _("Only an outside medium has a level.")})
        if self.region_id is not None and (
            self.kind != self.Kind.OUTSIDE_MEDIUM
            or self.level not in {self.Level.REGIONAL, self.Level.DISTRICT}
        ):
            raise ValidationError(
                {"region": _("Only a regional or district medium belongs to a region.")}
            )

    @property
    def is_national(self) -> bool:
        """An outside medium of no region: every region's, kept by the central press service."""
        return self.kind == self.Kind.OUTSIDE_MEDIUM and self.region_id is None


class Publication(TrackedRecord):
    """One item that appeared on one resource on one date, about one unit."""

    class Topic(models.TextChoices):
        LEGAL = "legal", _("legal")
        ORGANIZATIONAL = "organizational", _("organizational")
        SOCIOECONOMIC = "socioeconomic", _("social and economic")
        LABOUR_SAFETY = "labour_safety", _("labour safety")
        YOUTH = "youth", _("youth")
        CULTURE_SPORT = "culture_sport", _("culture and sport")
        OTHER = "other", pgettext_lazy("topic", "other")

    class Kind(models.TextChoices):
        NEWS = "news", _("news")
        ARTICLE = "article", _("article")
        INTERVIEW = "interview", _("interview")
        BROADCAST = "broadcast", _("broadcast")
        VIDEO = "video", _("video")
        PHOTO_REPORT = "photo_report", _("photo report")

    class Language(models.TextChoices):
        KAZAKH = "kk", _("Kazakh")
        RUSSIAN = "ru", _("Russian")

    resource = models.ForeignKey(
        Resource, verbose_name=_("resource"), on_delete=models.PROTECT, related_name="publications"
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("authoring unit"),
        on_delete=models.PROTECT,
        related_name="publications",
        help_text=_("Whose news it is, or who supplied it."),
    )
    # Whom the figures credit it to: the unit, or for a primary organization the unit above it
    # (its branch, or the region that serves it directly). Kept for the monthly summary.
    author = models.ForeignKey(
        OrgUnit,
        verbose_name=_("credited to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    served_directly = models.BooleanField(default=False, editable=False)
    # The unit's regional organization, kept here so a region's figures are one indexed scan.
    region = models.ForeignKey(
        OrgUnit,
        verbose_name=_("regional organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    published_on = models.DateField(_("published on"))
    title = models.CharField(_("title"), max_length=500)
    url = models.URLField(
        _("address"), max_length=URL_MAX_LENGTH, blank=True, validators=[http_url_validator]
    )
    topic = models.CharField(
        _("topic"), max_length=20, choices=Topic.choices, default=Topic.ORGANIZATIONAL
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    is_repost = models.BooleanField(_("repost"), default=False)
    is_notable = models.BooleanField(
        _("notable"),
        default=False,
        help_text=_("The report names it, e.g. a seminar on a legal topic."),
    )
    participants = models.CharField(
        _("who took part"),
        max_length=500,
        blank=True,
        help_text=_("For a broadcast: who spoke on air, e.g. «төраға С. Ибраев»."),
    )
    language = models.CharField(
        _("language of the material"),
        max_length=2,
        choices=Language.choices,
        default=Language.KAZAKH,
    )
    views = models.PositiveIntegerField(_("views"), null=True, blank=True)
    reactions = models.PositiveIntegerField(_("reactions"), null=True, blank=True)
    comments = models.PositiveIntegerField(_("comments"), null=True, blank=True)
    shares = models.PositiveIntegerField(_("shares"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    # The address as duplicates are decided on (addresses.url_key): one post, one record per
    # resource, whatever form of its address was pasted.
    url_key = models.CharField(
        max_length=URL_MAX_LENGTH, blank=True, default="", db_default="", editable=False
    )
    import_batch = models.ForeignKey(
        "branches.ImportBatch",
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords(
        excluded_fields=[
            "search_text",
            "region",
            "author",
            "served_directly",
            "import_batch",
            "url_key",
        ]
    )

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["region", "published_on"]),
            models.Index(fields=["unit", "published_on"]),
            models.Index(fields=["resource", "published_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(views__gte=0)
                & models.Q(reactions__gte=0)
                & models.Q(comments__gte=0)
                & models.Q(shares__gte=0),
                name="publication_engagement_not_negative",
            ),
            models.UniqueConstraint(
                fields=["resource", "url_key"],
                condition=~models.Q(url_key=""),
                name="publication_address_once_per_resource",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("publications:detail", args=[self.pk])

    def clean(self) -> None:
        opened_on = self.resource.opened_on if self.resource_id else None
        if opened_on and self.published_on and self.published_on < opened_on:
            raise ValidationError(
                {
                    "published_on": _(
                        "The page opened on %(date)s; a publication cannot precede it."
                    )
                    % {"date": opened_on.strftime("%d.%m.%Y")}
                }
            )

    def save(self, *args, **kwargs) -> None:
        self.fill_derived_fields()
        super().save(*args, **kwargs)

    def locked_period(self) -> tuple[int | None, int] | None:
        """(region, year) whose lock, once its report is issued, freezes this record."""
        if not (self.unit_id and self.published_on):
            return None
        return (self.unit.region_id, self.published_on.year)

    def fill_derived_fields(self) -> None:
        """The region, author and search key; bulk inserts call this, as they skip save()."""
        self.region_id = self.unit.region_id if self.unit_id else None
        self.author_id, self.served_directly = credited_to(self.unit) if self.unit_id else (
            None, False)  # fmt: skip
        self.search_text = search_key(self.title, self.url)
        self.url_key = address_key(self.url) if self.url else ""


def credited_to(unit: OrgUnit) -> tuple[int, bool]:
    """(the unit figures credit a record of `unit` to, whether it is served directly): a
    primary organization's records count under its branch, or under its region as "served
    directly"; any other unit's under itself."""
    if unit.kind != OrgUnit.Kind.PRIMARY:
        return unit.pk, False
    return unit.parent_id, unit.parent_id == unit.region_id


class PublicationMonth(models.Model):
    """The live publications of one month, credited to one unit, on one resource: counts and
    the known parts, kept up to date on every write (`publications.summary`). Figures read
    these instead of every publication; a month cut by a period's end is read raw."""

    region = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, null=True, related_name="+")
    author = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    served_directly = models.BooleanField(default=False)
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # its first day
    n = models.PositiveIntegerField(default=0)
    reposts = models.PositiveIntegerField(default=0)
    kazakh = models.PositiveIntegerField(default=0)
    topic_legal = models.PositiveIntegerField(default=0)
    topic_organizational = models.PositiveIntegerField(default=0)
    topic_socioeconomic = models.PositiveIntegerField(default=0)
    topic_labour_safety = models.PositiveIntegerField(default=0)
    topic_youth = models.PositiveIntegerField(default=0)
    topic_culture_sport = models.PositiveIntegerField(default=0)
    topic_other = models.PositiveIntegerField(default=0)
    with_engagement = models.PositiveIntegerField(default=0)
    views = models.BigIntegerField(null=True)
    reactions = models.BigIntegerField(null=True)
    comments = models.BigIntegerField(null=True)
    shares = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = _("month of publications")
        verbose_name_plural = _("months of publications")
        constraints = [
            models.UniqueConstraint(
                fields=["author", "served_directly", "resource", "month"],
                name="publicationmonth_one_row_per_key",
            ),
        ]
        indexes = [
            models.Index(fields=["region", "month"]),
            models.Index(fields=["author", "month"]),
        ]

    def __str__(self) -> str:
        return f"{self.author_id} {self.month:%m.%Y} {self.resource_id}: {self.n}"


class MethodologicalMaterial(TrackedRecord):
    """A booklet, manual or recommendation a unit issued for its organizations."""

    class Kind(models.TextChoices):
        BOOKLET = "booklet", _("booklet")
        MANUAL = "manual", _("training manual")
        RECOMMENDATION = "recommendation", _("recommendation")

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("issuing unit"),
        on_delete=models.PROTECT,
        related_name="methodological_materials",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    title = models.CharField(_("title"), max_length=500)
    title_ru = models.CharField(_("title in Russian"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MANUAL)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("methodological material")
        verbose_name_plural = _("methodological materials")
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=1990, year__lte=2100),
                name="methodologicalmaterial_year_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("materials:detail", args=[self.pk])

    def locked_period(self) -> tuple[int | None, int] | None:
        return (self.unit.region_id, self.year) if self.unit_id and self.year else None


TOPIC_FIELDS = {
    Publication.Topic.LEGAL: "topic_legal",
    Publication.Topic.ORGANIZATIONAL: "topic_organizational",
    Publication.Topic.SOCIOECONOMIC: "topic_socioeconomic",
    Publication.Topic.LABOUR_SAFETY: "topic_labour_safety",
    Publication.Topic.YOUTH: "topic_youth",
    Publication.Topic.CULTURE_SPORT: "topic_culture_sport",
    Publication.Topic.OTHER: "topic_other",
}


def _count_field(label) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(
        label, null=True, blank=True, help_text=_("Leave empty when it is not known.")
    )


class Tally(TrackedRecord):
    """A fact known only as a count: N publications by a unit on a resource (or on a group of
    outlets, or on a platform as a whole) in a period (a year, a half-year, a quarter, a month
    or a stated span inside one year). Its parts (reposts, Kazakh-language items, topics,
    views) are empty when unknown: unknown is never zero."""

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("authoring unit"),
        on_delete=models.PROTECT,
        related_name="tallies",
        help_text=_("Whose news it is, or who supplied it."),
    )
    region = models.ForeignKey(
        OrgUnit,
        verbose_name=_("regional organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    platform = models.ForeignKey(
        Platform, verbose_name=_("platform"), on_delete=models.PROTECT, related_name="tallies"
    )
    resources = models.ManyToManyField(
        Resource,
        verbose_name=_("resources"),
        blank=True,
        related_name="tallies",
        help_text=_(
            "One resource, or several outlets counted together; none: the platform as a whole."
        ),
    )
    # Its resource when it has exactly one (the common case), kept from `resources` so that
    # figures sum tallies in the database without the link table.
    sole_resource = models.ForeignKey(
        Resource, on_delete=models.PROTECT, null=True, blank=True, editable=False,
        related_name="+",
    )  # fmt: skip
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    count = models.PositiveIntegerField(_("publications"))
    reposts = _count_field(_("of them reposts"))
    kazakh = _count_field(_("of them in Kazakh"))
    views = _count_field(_("views"))
    topic_legal = _count_field(_("legal"))
    topic_organizational = _count_field(_("organizational"))
    topic_socioeconomic = _count_field(_("social and economic"))
    topic_labour_safety = _count_field(_("labour safety"))
    topic_youth = _count_field(_("youth"))
    topic_culture_sport = _count_field(_("culture and sport"))
    topic_other = _count_field(pgettext_lazy("topic", "other"))
    source = models.CharField(
        _("source"),
        max_length=500,
        blank=True,
        help_text=_("Where the figure comes from, e.g. the 2024 Анықтама."),
    )
    import_batch = models.ForeignKey(
        "branches.ImportBatch",
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords(
        excluded_fields=["region", "sole_resource", "import_batch"], m2m_fields=[resources]
    )

    class Meta:
        verbose_name = _("tally")
        verbose_name_plural = _("tallies")
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["region", "starts_on"]),
            models.Index(fields=["unit", "starts_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__lte=models.F("ends_on")),
                name="tally_starts_before_it_ends",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(reposts__isnull=True) | models.Q(reposts__lte=models.F("count"))
                )
                & (models.Q(kazakh__isnull=True) | models.Q(kazakh__lte=models.F("count"))),
                name="tally_parts_within_count",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.span_label} · {self.count}"

    def get_absolute_url(self) -> str:
        return reverse("tallies:detail", args=[self.pk])

    @property
    def span_label(self) -> str:
        return span_label(self.starts_on, self.ends_on) if self.starts_on and self.ends_on else ""

    def topic_counts(self) -> dict[str, int | None]:
        return {code: getattr(self, field) for code, field in TOPIC_FIELDS.items()}

    def clean(self) -> None:
        errors = {}
        if self.starts_on and self.ends_on:
            if self.starts_on > self.ends_on:
                errors["ends_on"] = _("The period ends before it starts.")
            elif self.starts_on.year != self.ends_on.year:
                errors["ends_on"] = _(
                    "A tally covers at most one calendar year; enter one tally per year."
                )
        if self.count is not None:
            for name in ("reposts", "kazakh"):
                part = getattr(self, name)
                if part is not None and part > self.count:
                    errors[name] = _("A part cannot exceed the number of publications (%(n)s).") % {
                        "n": self.count
                    }
            topics = [n for n in self.topic_counts().values() if n is not None]
            if sum(topics) > self.count:
                errors["topic_legal"] = _(
                    "The topics add up to %(sum)s, more than the publications (%(n)s)."
                ) % {"sum": sum(topics), "n": self.count}
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        self.fill_derived_fields()
        super().save(*args, **kwargs)

    def fill_derived_fields(self) -> None:
        self.region_id = self.unit.region_id if self.unit_id else None

    def locked_period(self) -> tuple[int | None, int] | None:
        if not (self.unit_id and self.starts_on):
            return None
        return (self.unit.region_id, self.starts_on.year)


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def span_parts(year: int) -> dict[str, tuple[date, date]]:
    """The named parts of a year a tally may cover: the year, halves, quarters and months."""
    parts = {"year": (date(year, 1, 1), date(year, 12, 31)),
             "h1": (date(year, 1, 1), date(year, 6, 30)),
             "h2": (date(year, 7, 1), date(year, 12, 31))}  # fmt: skip
    for quarter in range(4):
        first = date(year, 3 * quarter + 1, 1)
        parts[f"q{quarter + 1}"] = (first, _month_end(date(year, 3 * quarter + 3, 1)))
    for month in range(1, 13):
        parts[f"m{month:02d}"] = (date(year, month, 1), _month_end(date(year, month, 1)))
    return parts


def span_part(starts_on: date, ends_on: date) -> str | None:
    """The named part of its year a span is ("h1", "q3", "m05", "year"), or None."""
    if starts_on.year != ends_on.year:
        return None
    for name, span in span_parts(starts_on.year).items():
        if span == (starts_on, ends_on):
            return name
    return None


def span_label(starts_on: date, ends_on: date) -> str:
    """«2024», «2024, 1-жартыжылдық», «2024, 3-тоқсан», «05.2023», «01.05.2023–31.12.2023»."""
    from django.utils.translation import gettext

    part = span_part(starts_on, ends_on)
    year = starts_on.year
    if part == "year":
        return str(year)
    if part and part[0] == "h":
        return gettext("%(year)s, half-year %(n)s") % {"year": year, "n": part[1]}
    if part and part[0] == "q":
        return gettext("%(year)s, quarter %(n)s") % {"year": year, "n": part[1]}
    if part and part[0] == "m":
        return starts_on.strftime("%m.%Y")
    return f"{starts_on:%d.%m.%Y}–{ends_on:%d.%m.%Y}"


class TopicRule(TrackedRecord):
    """Words that suggest a topic for a post brought in from a platform's export or a pasted
    link, kept by a region's staff. The suggestion is shown in the import's preview; with no
    rules of its own, a region uses DEFAULT_TOPIC_WORDS."""

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("organization"), on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Publication.Topic.choices)
    words = models.TextField(
        _("words"),
        help_text=_(
            "Beginnings of words, separated by commas: a post whose text has one of them gets "
            "this topic suggested (e.g. құқық, заң, кодекс, право, закон)."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("topic rule")
        verbose_name_plural = _("topic rules")
        ordering = ["unit__path", "topic"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "topic"],
                condition=models.Q(deleted_at__isnull=True),
                name="topic_rule_one_per_topic",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.words}"

    def get_absolute_url(self) -> str:
        return reverse("topic_rules:detail", args=[self.pk])

    @property
    def label(self) -> str:
        return str(self.get_topic_display())

    @property
    def word_list(self) -> list[str]:
        return [w.strip().casefold() for w in self.words.replace("\n", ",").split(",") if w.strip()]


# Suggested topics when a region keeps no rules of its own: beginnings of Kazakh and Russian
# words, in the order they are tried (the first topic with a word in the text is suggested).
DEFAULT_TOPIC_WORDS = {
    "legal": "құқық, заң, кодекс, сот, право, правов, закон, кодекс, юрид, суд",
    "labour_safety": "еңбек қауіпсіздіг, еңбекті қорға, охрана труда, безопасност",
    "socioeconomic": "жалақ, әлеуметтік, сауықтыр, зарплат, социальн, оздоровл, льгот",
    "youth": "жас маман, жастар, молод",
    "culture_sport": "спорт, мәдени, концерт, турнир, спартакиад, культур",
}
