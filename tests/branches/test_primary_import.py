"""Regional staff replace the placeholder primary organizations with the real list."""

import io

import openpyxl
import pytest
from django.urls import reverse

from branches.models import MemberCount, OrgUnit
from tests.xlsx import xlsx_file

pytestmark = pytest.mark.django_db


def test_the_template_is_the_regions_current_list(client, abai_staff, abai):
    client.force_login(abai_staff)
    response = client.get(reverse("primaries:import_template"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Код", "Атауы", "Филиал", "Мүшелер саны")
    assert (
        len(rows) - 1
        == OrgUnit.objects.filter(path__startswith=abai.path, kind=OrgUnit.Kind.PRIMARY).count()
    )


def test_overwriting_a_placeholder_renames_it_and_records_its_members(client, abai_staff, aksuat):
    client.force_login(abai_staff)
    placeholder = OrgUnit.objects.filter(parent=aksuat, is_placeholder=True).first()
    rows = [
        ["Код", "Атауы", "Филиал", "Мүшелер саны", "Есеп күні"],
        [placeholder.slug, "№1 Ақсуат мектеп-гимназиясы", "Ақсуат", "1 204", "01.01.2025"],
        ["", "Жаңа балабақша", "Ақсуат", 35, "01.01.2025"],
    ]
    preview = client.post(reverse("primaries:import"), {"file": xlsx_file(rows)}, follow=True)
    assert preview.context["preview"].ok, preview.context["preview"].problems
    client.post(reverse("primaries:import_batch", args=[preview.context["batch"].pk]))
    placeholder.refresh_from_db()
    assert (placeholder.name, placeholder.is_placeholder) == ("№1 Ақсуат мектеп-гимназиясы", False)
    assert placeholder.member_counts.order_by("-counted_on").first().members == 1204
    new = OrgUnit.objects.get(name="Жаңа балабақша")
    assert new.parent == aksuat
    assert MemberCount.objects.get(unit=new).members == 35


def test_bad_rows_are_listed_and_nothing_changes(client, abai_staff):
    client.force_login(abai_staff)
    rows = [
        ["Код", "Атауы", "Филиал", "Мүшелер саны"],
        ["no-such-code", "A", "Ақсуат", 5],
        ["", "B", "Басқа аудан", 5],
        ["", "C", "Ақсуат", -3],
    ]
    before = OrgUnit.objects.count()
    preview = client.post(reverse("primaries:import"), {"file": xlsx_file(rows)}, follow=True)
    problems = preview.context["preview"].problems
    assert [(p.row, p.column) for p in problems] == [
        (2, "Код"),
        (3, "Филиал"),
        (4, "Мүшелер саны"),
    ]
    client.post(reverse("primaries:import_batch", args=[preview.context["batch"].pk]))
    assert OrgUnit.objects.count() == before


def test_officers_may_not_replace_the_list(client, aksuat_officer):
    client.force_login(aksuat_officer)
    assert client.get(reverse("primaries:import")).status_code == 403
