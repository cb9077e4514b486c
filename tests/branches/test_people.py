"""Regions bring their own people on: staff invite with a one-time link, change roles up to
their own and deactivate, only within their region; administrators make regions."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from branches.models import Assignment, MemberCount, OrgUnit

User = get_user_model()


def _invite(client, **fields):
    return client.post(reverse("people:invite"), {"position": "", **fields})


def test_staff_invite_a_branch_officer_who_sets_a_password_once(client, abai_staff, aksuat):
    client.force_login(abai_staff)
    response = _invite(client, username="aksuat2", first_name="Айгүл", role="branch_officer",
                       unit=aksuat.pk, email="aksuat2@example.kz")  # fmt: skip
    assert response.status_code == 200
    link = response.context["link"]
    person = User.objects.get(username="aksuat2")
    assert not person.has_usable_password()
    assert person.assignment.unit == aksuat
    client.logout()
    page = client.get(link, follow=True)
    assert page.status_code == 200
    new_password = "Жаңа-құпия-сөз-2024"
    set_url = page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    person.refresh_from_db()
    assert person.check_password(new_password)
    # The link was good for one use.
    again = client.get(link, follow=True)
    assert "new_password1" not in again.content.decode()


def test_staff_give_roles_only_up_to_their_own_and_only_in_their_region(
    client, abai_staff, abai, other_region
):
    client.force_login(abai_staff)
    response = _invite(client, username="x1", role="administrator", unit=abai.pk)
    assert "role" in response.context["form"].errors
    response = _invite(client, username="x2", role="central_press", unit=abai.pk)
    assert "role" in response.context["form"].errors
    response = _invite(client, username="x3", role="regional_staff", unit=other_region.pk)
    assert "unit" in response.context["form"].errors
    response = _invite(client, username="x4", role="branch_officer", unit=abai.pk)
    assert "unit" in response.context["form"].errors  # an officer belongs to a branch
    assert not User.objects.filter(username__in=["x1", "x2", "x3", "x4"]).exists()


def test_staff_change_a_role_and_deactivate_but_not_another_regions_people(
    client, abai_staff, aksuat_officer, abai, other_region_staff
):
    client.force_login(abai_staff)
    url = reverse("people:edit", args=[aksuat_officer.pk])
    response = client.post(url, {"role": "executive", "unit": abai.pk, "position": "мүше"})
    assert response.status_code == 302
    assert Assignment.objects.get(user=aksuat_officer).role == "executive"
    client.post(reverse("people:active", args=[aksuat_officer.pk]), {"active": "0"})
    aksuat_officer.refresh_from_db()
    assert not aksuat_officer.is_active
    assert client.get(reverse("people:edit", args=[other_region_staff.pk])).status_code == 404
    assert client.get(reverse("people:edit", args=[abai_staff.pk])).status_code == 403
    listing = client.get(reverse("people:list")).content.decode()
    assert "aksuat_officer" in listing and other_region_staff.username not in listing


def test_an_administrator_makes_a_region_and_invites_its_staff(client, admin_user):
    client.force_login(admin_user)
    data = {"name": "Жетісу облыстық кәсіподақ ұйымы", "name_ru": "Жетысуская областная "
            "организация профсоюза", "short_name": "Жетісу облысы",
            "short_name_ru": "Жетысуская область", "slug": "zhetisu"}  # fmt: skip
    response = client.post(reverse("units:region_create"), data)
    region = OrgUnit.objects.get(slug="zhetisu")
    assert region.kind == OrgUnit.Kind.REGION and response.status_code == 302
    response = _invite(client, username="zhetisu_staff", role="regional_staff", unit=region.pk)
    assert response.status_code == 200 and response.context["link"]


def test_a_branch_short_name_is_distinct_within_the_region(client, abai_staff):
    client.force_login(abai_staff)
    data = {"name": "Тағы бір Ақсуат", "short_name": "Ақсуат", "committee": "district",
            "slug": "aksuat-2"}  # fmt: skip
    response = client.post(reverse("branches:create"), data)
    assert response.status_code == 200
    assert not OrgUnit.objects.filter(slug="aksuat-2").exists()
    data.update(short_name="Жаңа филиал", slug="jana-filial")
    assert client.post(reverse("branches:create"), data).status_code == 302


def test_the_people_fields_form_refuses_a_double_member_count(client, abai_staff, abai):
    client.force_login(abai_staff)
    url = reverse("units:people_fields", args=["abai"])
    page = client.get(url).content.decode()
    assert "sum over its primary organizations" in page or "бастауыш" in page
    data = {"chairman": "С. Ибраев", "information_officer": "Маман", "members": "9000",
            "counted_on": "2024-01-01"}  # fmt: skip
    response = client.post(url, data)
    assert "members" in response.context["form"].errors
    assert not MemberCount.objects.filter(unit=abai).exists()
    del data["members"]
    assert client.post(url, data).status_code == 302
    abai.refresh_from_db()
    assert abai.information_officer == "Маман"
