"""Forms of the organization tree and its people: regions, branches, the report's people
fields, and people's accounts and roles."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from branches.models import Assignment, OrgUnit
from branches.selectors import role_grantable_list, unit_changeable_list, unit_has_primaries

Role = Assignment.Role


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: OrgUnit) -> str:
        return obj.display_name


class _TreeForm(forms.ModelForm):
    def validate_unique(self) -> None:
        # The form has no parent field, and Django skips constraints naming a field the form
        # lacks: check the short names among siblings with the parent set by the view.
        super().validate_unique()
        exclude = self._get_validation_exclusions() - {"parent"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)


class RegionForm(_TreeForm):
    """A new regional organization, made by an administrator."""

    class Meta:
        model = OrgUnit
        fields = ["name", "name_ru", "short_name", "short_name_ru", "slug"]
        help_texts = {
            "short_name": _("Its own name beside other regions, e.g. «Абай облысы»."),
            "slug": _("Latin letters, digits and hyphens; used in addresses, e.g. abai."),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.kind = OrgUnit.Kind.REGION
        self.instance.parent = OrgUnit.objects.filter(kind=OrgUnit.Kind.CENTRAL).first()
        self.fields["short_name"].required = True


class BranchForm(_TreeForm):
    """A district or city committee of the user's region."""

    class Meta:
        model = OrgUnit
        fields = ["name", "name_ru", "short_name", "short_name_ru", "committee", "slug"]
        help_texts = {
            "short_name": _("Used in tables, e.g. «Ақсуат»; distinct among the region's branches."),
            "slug": _("Latin letters, digits and hyphens; used in addresses, e.g. aksuat."),
        }

    def __init__(self, *args, region: OrgUnit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.instance.kind = OrgUnit.Kind.BRANCH
        self.instance.parent = region
        self.fields["short_name"].required = True
        self.fields["committee"].required = True


class UnitPeopleForm(forms.ModelForm):
    """The people the report names, and the unit's own member count where it has no primary
    organizations."""

    members = forms.IntegerField(label=_("members"), min_value=0, required=False)
    counted_on = forms.DateField(
        label=_("counted on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    class Meta:
        model = OrgUnit
        fields = ["chairman", "information_officer", "has_press_secretary"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.has_primaries = unit_has_primaries(unit=self.instance)
        self.fields["members"].help_text = _(
            "A unit's members are the sum over its primary organizations where it has any; its "
            "own count is used only where it has none."
        )
        if self.has_primaries:
            self.fields["members"].widget.attrs["disabled"] = True
        self.initial.setdefault("counted_on", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("members") is not None:
            if self.has_primaries:
                self.add_error(
                    "members",
                    _(
                        "This unit has primary organizations: its members are the sum of theirs. "
                        "Enter each primary organization's members instead (import the list), "
                        "or the same people would be counted twice."
                    ),
                )
            elif not cleaned.get("counted_on"):
                self.add_error("counted_on", _("Say on which date the members were counted."))
            elif cleaned["counted_on"] > timezone.localdate():
                self.add_error("counted_on", _("The date is in the future."))
        return cleaned


class PersonForm(forms.Form):
    """A person's role, unit and position, among what the user may give."""

    role = forms.ChoiceField(label=_("role"))
    unit = UnitChoiceField(label=_("unit"), queryset=OrgUnit.objects.none())
    position = forms.CharField(label=_("position"), max_length=255, required=False)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        granted = role_grantable_list(user=user)
        self.fields["role"].choices = [(v, label) for v, label in Role.choices if v in granted]
        self.fields["unit"].queryset = (
            unit_changeable_list(user=user).exclude(kind=OrgUnit.Kind.PRIMARY).order_by("path")
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") and cleaned.get("unit"):
            try:
                Assignment(role=cleaned["role"], unit=cleaned["unit"]).clean()
            except ValidationError as error:
                self.add_error("unit", error.message_dict.get("unit"))
        return cleaned


class PersonInviteForm(PersonForm):
    username = forms.CharField(
        label=_("username"),
        max_length=150,
        help_text=_("Latin letters, digits and @ . + - _ ; the person signs in with it."),
    )
    first_name = forms.CharField(label=_("first name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("email address"), required=False)

    field_order = ["username", "first_name", "last_name", "email", "role", "unit", "position"]

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        user = get_user_model()(username=username)
        try:
            user.clean_fields(exclude=[f.name for f in user._meta.fields if f.name != "username"])
        except ValidationError as error:
            raise forms.ValidationError(error.message_dict["username"]) from error
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken."))
        return username
