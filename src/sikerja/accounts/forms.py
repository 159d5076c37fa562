"""The login form (Django's, refusing a login that BKPSDM deactivated or whose employee left) and
the password reset form (Django's, also for logins made by the import, which have no password
until their owner chooses one)."""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
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


class LoginPasswordResetForm(PasswordResetForm):
    """Django's reset by email; a login the import made (no usable password, a new password
    demanded) is sent its link too."""

    def get_users(self, email: str) -> Iterator[User]:
        users = (
            get_user_model()
            ._default_manager.filter(email__iexact=email, is_active=True)
            .select_related("account")
        )
        for user in users:
            account = getattr(user, "account", None)
            demanded = account is not None and account.must_change_password
            if user.has_usable_password() or demanded:
                yield user
