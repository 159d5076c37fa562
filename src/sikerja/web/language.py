"""The language form of every page: Django's set_language (the cookie LocaleMiddleware reads),
and, for a logged-in person, the choice remembered for what is written to them by email."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from sikerja.accounts.preferences import account_language_set


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """Switch the UI language; a logged-in person's choice is remembered on their account."""
    response = set_language(request)
    user = request.user
    if user.is_authenticated:
        account_language_set(
            user_id=user.pk,
            username=user.get_username(),
            language=request.POST.get("language", ""),
            at=timezone.now(),
        )
    return response
