"""The base of every record form: clean text, dates as people enter them, the version of the
record (for stale edits) and the form's submission token (for double submits)."""

from __future__ import annotations

import uuid

from django import forms
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models

from branches.text import clean_text


class CleanTextField(forms.CharField):
    """Text with invisible characters removed and one Unicode form (NUL is refused)."""

    def to_python(self, value):
        value = super().to_python(value)
        return clean_text(value) if value else value


class CleanURLField(forms.URLField):
    def to_python(self, value):
        return super().to_python(clean_text(value) if isinstance(value, str) else value)


def record_formfield(model_field: models.Field, **kwargs) -> forms.Field | None:
    """Form fields of record forms: clean text, https assumed, dates as date pickers."""
    if isinstance(model_field, models.URLField):
        return model_field.formfield(form_class=CleanURLField, assume_scheme="https", **kwargs)
    if isinstance(model_field, models.CharField | models.TextField) and not model_field.choices:
        return model_field.formfield(form_class=CleanTextField, **kwargs)
    if isinstance(model_field, models.DateField):
        widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return model_field.formfield(widget=widget, **kwargs)
    return model_field.formfield(**kwargs)


class RecordForm(forms.ModelForm):
    """A ModelForm that knows its user and carries the version and submission token."""

    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    class Meta:
        formfield_callback = record_formfield

    def __init__(self, *args, user: AbstractBaseUser, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if not self.is_bound:
            self.initial.setdefault("submission_token", uuid.uuid4())
            self.initial.setdefault("version", self.instance.version)

    def validate_unique(self) -> None:
        # Django skips constraints naming a field the form lacks; ours are conditioned on
        # `deleted_at` (a deleted record frees its place), so check them with it.
        super().validate_unique()
        exclude = self._get_validation_exclusions() - {"deleted_at"}
        try:
            self.instance.validate_constraints(exclude=exclude)
        except ValidationError as error:
            self._update_errors(error)
