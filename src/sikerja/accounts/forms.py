"""The login form: Django's, refusing a login that BKPSDM deactivated or whose employee left."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sikerja.accounts.models import Account


class LoginForm(AuthenticationForm):
    """Username and password; an account is refused from its `access_until` day on."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "inactive": _(
            "Akun ini tidak aktif lagi. Hubungi BKPSDM bila Anda masih bertugas di pemerintah "
            "daerah ini."
        ),
    }

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        account = Account.objects.filter(user_id=user.pk).only("access_until").first()
        if account is not None and not account.is_active_on(timezone.localdate()):
            raise ValidationError(self.error_messages["inactive"], code="inactive")
