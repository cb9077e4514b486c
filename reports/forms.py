from django import forms
from django.utils.translation import gettext_lazy as _

from branches.records.forms import RecordForm
from publications.models import Platform
from reports.models import ReportRules


class ReportRulesForm(RecordForm):
    platforms = forms.ModelMultipleChoiceField(
        queryset=Platform.objects.filter(kind=Platform.Kind.SOCIAL),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Platforms the region uses for its own pages"),
    )

    class Meta(RecordForm.Meta):
        model = ReportRules
        fields = [
            "followers_per_hundred_min",
            "legal_share_min",
            "organizational_share_max",
            "press_per_year_min",
            "growth_share_min",
            "silent_months_max",
            "platforms",
        ]


class IssueForm(forms.Form):
    lock = forms.BooleanField(
        label=_("Lock the year: refuse edits to its records until staff unlock it"),
        required=False,
        initial=True,
    )
