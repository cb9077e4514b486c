"""Login, logout, the home page and the language switch, through the test client."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_is_in_kazakh_by_default(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert response["Content-Language"] == "kk"
    content = response.content.decode()
    assert '<html lang="kk">' in content
    assert "Кіру" in content


def test_login_page_follows_a_russian_browser_but_never_an_english_one(client):
    assert (
        client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")["Content-Language"]
        == "ru"
    )
    assert (
        client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")["Content-Language"]
        == "kk"
    )


def test_anonymous_home_redirects_to_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_aksuat_officer_logs_in_with_the_demo_password_and_sees_aksuat(client):
    response = client.post(
        reverse("login"), {"username": "aksuat_officer", "password": "kasipodaq-demo"}, follow=True
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ақсуат аудандық кәсіподақ комитеті" in content
    assert "Үржар" not in content


def test_a_wrong_password_is_refused_in_kazakh(client):
    response = client.post(reverse("login"), {"username": "aksuat_officer", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Дұрыс пайдаланушы аты мен құпиясөзді енгізіңіз" in response.content.decode()


def test_home_lists_what_the_officer_may_do(client, aksuat_officer):
    client.force_login(aksuat_officer)
    content = client.get(reverse("home")).content.decode()
    assert "Ақсуат аудандық кәсіподақ комитеті" in content
    assert "Excel" in content  # the officer may upload a list
    capabilities = content.split('data-testid="capabilities"')[1].split("</ul>")[0]
    assert "Анықтама" not in capabilities  # but not issue the report


def test_home_tells_the_executive_that_their_role_only_reads(client, abai_executive):
    client.force_login(abai_executive)
    content = client.get(reverse("home")).content.decode()
    assert "Абай облыстық кәсіподақ ұйымы" in content
    assert "Excel" not in content


def test_regional_staff_home_counts_the_primary_organizations_of_every_branch(client, abai_staff):
    client.force_login(abai_staff)
    response = client.get(reverse("home"))
    summary = response.context["summary"]
    assert len(summary["children"]) == 9
    assert (
        summary["all_primaries"]
        == sum(row["primaries"] for row in summary["children"]) + (summary["direct_primaries"])
    )


def test_language_switch_turns_the_home_page_russian(client, aksuat_officer):
    client.force_login(aksuat_officer)
    response = client.post(reverse("set_language"), {"language": "ru", "next": "/"}, follow=True)
    assert response["Content-Language"] == "ru"
    assert "Аксуатский районный комитет профсоюза" in response.content.decode()


def test_login_ignores_a_next_address_on_another_site(client):
    response = client.post(
        reverse("login") + "?next=//evil.example",
        {"username": "aksuat_officer", "password": "kasipodaq-demo", "next": "//evil.example"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_logout_ends_the_session(client, aksuat_officer):
    client.force_login(aksuat_officer)
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_login_without_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("login"), {"username": "aksuat_officer", "password": "kasipodaq-demo"}
    )
    assert response.status_code == 403


def test_the_dashboard_tells_a_user_without_a_role_whom_to_ask(client, db):
    from django.contrib.auth import get_user_model

    newcomer = get_user_model().objects.create_user("newcomer", password="x" * 14)
    client.force_login(newcomer)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="no-role"' in page
    assert "admin@example.kz" in page
