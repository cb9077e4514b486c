"""Tallies: counts known only as totals. Entered by form and by Excel, listed, historied,
soft-deleted, locked with their year, never doubled, and counted in every figure."""

import io
import uuid
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from branches.models import PeriodLock
from publications.models import Resource, Tally
from tests.xlsx import xlsx_file

pytestmark = pytest.mark.django_db

HEADERS = ["Басталуы", "Аяқталуы", "Ұйым", "Платформа", "Ресурс", "Материалдар саны",
           "Оның ішінде репост", "Құқықтық"]  # fmt: skip


def _form(page, unit, **extra) -> dict:
    return {
        "year": 2022, "part": "h2", "unit": unit.pk, "platform": page.platform_id,
        "resources": [page.pk], "count": 12, "reposts": "", "submission_token": str(uuid.uuid4()),
        **extra,
    }  # fmt: skip


def _aksuat_dashboard(client, user, year=2022):
    client.force_login(user)
    return client.get(reverse("dashboard:unit", args=["aksuat"]), {"year": year})


def test_an_officer_enters_a_tally_and_every_figure_counts_it(
    client, aksuat_officer, abai_executive, aksuat
):
    page = Resource.objects.get(owner=aksuat)
    client.force_login(aksuat_officer)
    response = client.post(reverse("tallies:create"), _form(page, aksuat, reposts=3))
    tally = Tally.objects.get(unit=aksuat, starts_on__year=2022)
    assert response["Location"] == tally.get_absolute_url()
    assert (tally.starts_on, tally.ends_on, tally.count, tally.reposts) == (
        date(2022, 7, 1), date(2022, 12, 31), 12, 3,
    )  # fmt: skip
    assert tally.kazakh is None, "an empty part is unknown, not zero"
    figures = _aksuat_dashboard(client, abai_executive).context["figures"]
    facebook = next(r for r in figures.by_platform.rows if r.key.slug == "facebook")
    assert facebook.by_year[2022] == 12
    assert figures.content.total == 12
    assert figures.content.reposts == 3 and figures.content.repost_known == 12
    assert figures.content.language_known == 0
    detail = client.get(tally.get_absolute_url()).content.decode()
    assert "2022, 2-жартыжылдық" in detail


def test_a_tally_that_would_count_a_span_twice_is_refused_with_the_reason(
    client, aksuat_officer, aksuat
):
    page = Resource.objects.get(owner=aksuat)
    client.force_login(aksuat_officer)
    client.post(reverse("tallies:create"), _form(page, aksuat))
    response = client.post(reverse("tallies:create"), _form(page, aksuat, part="m10", count=2))
    assert response.status_code == 200
    assert "екі рет" in " ".join(response.context["form"].non_field_errors())
    assert Tally.objects.filter(unit=aksuat, starts_on__year=2022).count() == 1


def test_bad_tallies_say_which_field_is_wrong(client, aksuat_officer, aksuat):
    page = Resource.objects.get(owner=aksuat)
    client.force_login(aksuat_officer)
    cases = {
        "reposts": {"reposts": 13},  # more than the count
        "ends_on": {"part": "span", "starts_on": "2022-05-01", "ends_on": "2023-02-01"},
        "part": {"year": 2100},  # not ended yet
        "resources": {"platform": page.platform_id + 1},  # the page is not on that platform
    }
    for field, extra in cases.items():
        response = client.post(reverse("tallies:create"), _form(page, aksuat, **extra))
        assert response.status_code == 200, field
        errors = response.context["form"].errors
        assert field in errors or "__all__" in errors, (field, errors)
    assert not Tally.objects.filter(unit=aksuat, starts_on__year__lt=2023).exists()


def test_another_branch_cannot_see_or_change_a_tally_and_executives_cannot_write(
    client, aksuat_officer, urzhar_officer, abai_executive, aksuat
):
    page = Resource.objects.get(owner=aksuat)
    client.force_login(aksuat_officer)
    client.post(reverse("tallies:create"), _form(page, aksuat))
    tally = Tally.objects.get(unit=aksuat, starts_on__year=2022)
    client.force_login(urzhar_officer)
    assert client.get(tally.get_absolute_url()).status_code == 404
    assert client.post(reverse("tallies:delete", args=[tally.pk])).status_code == 404
    client.force_login(abai_executive)
    assert client.get(tally.get_absolute_url()).status_code == 200
    assert client.post(reverse("tallies:delete", args=[tally.pk])).status_code == 403


def test_a_locked_year_refuses_tallies_and_a_deleted_tally_counts_nowhere(
    client, aksuat_officer, abai_staff, abai, aksuat
):
    page = Resource.objects.get(owner=aksuat)
    client.force_login(aksuat_officer)
    client.post(reverse("tallies:create"), _form(page, aksuat))
    tally = Tally.objects.get(unit=aksuat, starts_on__year=2022)
    lock = PeriodLock.objects.create(region=abai, year=2022, locked_by=abai_staff)
    response = client.post(reverse("tallies:delete", args=[tally.pk]))
    assert Tally.objects.filter(pk=tally.pk).exists()
    response = client.post(reverse("tallies:create"), _form(page, aksuat, part="m01", count=1))
    assert "2022" in " ".join(response.context["form"].non_field_errors())
    lock.delete()
    client.post(reverse("tallies:delete", args=[tally.pk]))
    assert not Tally.objects.filter(pk=tally.pk).exists()
    assert Tally.all_objects.filter(pk=tally.pk).exists(), "soft-deleted, restorable"
    assert _aksuat_dashboard(client, abai_staff).context["figures"].content.total == 0


def test_an_excel_file_of_tallies_is_previewed_imported_whole_and_adds_nothing_again(
    client, aksuat_officer, aksuat
):
    rows = [
        HEADERS,
        [date(2021, 1, 1), date(2021, 12, 31), "Ақсуат", "Facebook",
         "Ақсуат аудандық кәсіподақ комитеті (Facebook)", 30, 12, 1],
        ["01.01.2022", "30.06.2022", "Ақсуат аудандық кәсіподақ комитеті", "facebook", "", 7,
         None, None],
    ]  # fmt: skip
    client.force_login(aksuat_officer)
    preview = client.post(reverse("tallies:import"), {"file": xlsx_file(rows)}, follow=True)
    assert preview.context["preview"].ok, preview.context["preview"].problems
    assert len(preview.context["preview"].new) == 2
    earlier = Tally.objects.filter(unit=aksuat, starts_on__year__lt=2023)
    assert not earlier.exists(), "nothing is saved by the preview"
    batch = preview.context["batch"]
    client.post(reverse("tallies:import_batch", args=[batch.pk]))
    saved = earlier.order_by("starts_on")
    assert [(t.count, t.reposts, t.topic_legal) for t in saved] == [(30, 12, 1), (7, None, None)]
    assert saved[1].resources.count() == 0, "the platform as a whole"

    again = client.post(reverse("tallies:import"), {"file": xlsx_file(rows)}, follow=True)
    assert not again.context["preview"].new
    assert len(again.context["preview"].skipped) == 2


def test_a_tally_file_with_problems_names_row_and_column_and_saves_nothing(
    client, aksuat_officer, aksuat
):
    rows = [
        HEADERS,
        [date(2021, 1, 1), date(2022, 3, 31), "Ақсуат", "Facebook", "", 5, None, None],
        [date(2021, 1, 1), date(2021, 3, 31), "Үржар", "Facebook", "", 5, None, None],
        [date(2021, 1, 1), date(2021, 3, 31), "Ақсуат", "Facebook", "", 5, 9, None],
        [date(2021, 1, 1), date(2021, 3, 31), "Ақсуат", "Facebook", "", 5, None, None],
    ]  # fmt: skip
    client.force_login(aksuat_officer)
    preview = client.post(reverse("tallies:import"), {"file": xlsx_file(rows)}, follow=True)
    problems = {(p.row, p.column) for p in preview.context["preview"].problems}
    assert (2, "Аяқталуы") in problems
    assert (3, "Ұйым") in problems
    assert (4, "Оның ішінде репост") in problems
    assert not any(row == 5 for row, _column in problems)
    assert not Tally.objects.filter(unit=aksuat, starts_on__year__lt=2023).exists()


def test_the_tally_template_has_no_example_row_to_import_by_mistake(client, aksuat_officer):
    client.force_login(aksuat_officer)
    response = client.get(reverse("tallies:import_template"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]][:4] == ["Басталуы", "Аяқталуы", "Ұйым", "Платформа"]
    assert sheet.max_row == 1


def test_the_tally_list_filters_and_exports(client, abai_executive):
    client.force_login(abai_executive)
    listed = client.get(reverse("tallies:list"), {"platform": 1, "year": 2023})
    assert listed.context["table"].paginator.count == 9  # the page's 2023 authors
    export = client.get(reverse("tallies:export"), {"platform": 1, "year": 2023})
    content = b"".join(export.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert sheet.max_row == 10
