from django.http import HttpRequest

from branches.selectors import user_assignment


def assignment(request: HttpRequest) -> dict:
    """The signed-in user's assignment (unit and role), for the page header."""
    user = getattr(request, "user", None)
    return {"current_assignment": user_assignment(user=user) if user is not None else None}
