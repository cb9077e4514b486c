"""The review form as a browser sends it: blank task rows are ignored, tasks are added and
removed in place (htmx) or by saving (without script), and the review's page lists its tasks."""

from html.parser import HTMLParser

from django.urls import reverse

from monitoring.models import CommitteeReview, ReviewTask


class _Fields(HTMLParser):
    """The values a browser would send for a page's form, as rendered."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "checkbox"):
            self.values[name] = attrs.get("value") or ""
        elif tag == "input" and name and "checked" in attrs:
            self.values[name] = attrs.get("value") or "on"
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data


def _form(client, url) -> dict:
    parser = _Fields()
    parser.feed(client.get(url).content.decode())
    parser.values.pop("q", None)
    return {k: v for k, v in parser.values.items() if k not in ("csrfmiddlewaretoken", "language")}


def test_a_review_with_no_tasks_saves(client, abai_staff, abai):
    client.force_login(abai_staff)
    data = _form(client, reverse("reviews:create"))
    assert data["items-TOTAL_FORMS"] == "1"  # the blank row is there, and ignored
    data.update(unit=abai.pk, year=2024, question="Тапсырмасыз мәселе")
    response = client.post(reverse("reviews:create"), data)
    assert response.status_code == 302
    review = CommitteeReview.objects.get(question="Тапсырмасыз мәселе")
    assert not review.tasks.exists()
    page = client.get(review.get_absolute_url()).content.decode()
    assert "No tasks were set." in page or "Тапсырма" in page


def test_a_review_is_edited_and_its_tasks_added_and_removed(client, abai_staff, abai):
    client.force_login(abai_staff)
    review = CommitteeReview.objects.filter(unit=abai, tasks__isnull=False).first()
    before = review.tasks.count()
    url = reverse("reviews:update", args=[review.pk])
    data = _form(client, url)
    # Add another task without script: it saves and opens the form with a new row.
    data["items-" + str(before) + "-description"] = "Жаңа тапсырма"
    data["add_item"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == url
    assert review.tasks.count() == before + 1
    # With htmx: a new row comes with the form count raised by one.
    row = client.get(
        reverse("reviews:formset_item"), {"items-TOTAL_FORMS": before + 1}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert f'name="items-{before + 1}-description"' in row
    assert f'value="{before + 2}"' in row and "hx-swap-oob" in row
    # Remove the first task (ticking the box; htmx marks the row in place the same way).
    data = _form(client, url)
    first = review.tasks.order_by("due_on", "id").first()
    data["items-0-DELETE"] = "on"
    response = client.post(url, data)
    assert response.status_code == 302
    assert not ReviewTask.objects.filter(pk=first.pk).exists()
    removed = client.get(
        reverse("reviews:formset_item"), {"remove": "items-0", "items-0-id": "5"}
    ).content.decode()
    assert 'name="items-0-DELETE" value="on"' in removed
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Жаңа тапсырма" in page and 'data-testid="review-tasks"' in page
