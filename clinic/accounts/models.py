from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # People type their address in any case; it is one account.
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person who logs in: a patient or a member of staff. The e-mail is the login name."""

    username = None
    email = models.EmailField("e-mail address", unique=True)
    # Staff always sign in in two steps (STAFF_TWO_FACTOR); a patient may choose to.
    second_factor_chosen = models.BooleanField("chose two-step sign-in", default=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ignoring_case",
                violation_error_message="An account with this e-mail address already exists.",
            ),
        ]
        permissions = [
            ("access_staff_area", "Can open the staff area"),
        ]

    def __str__(self):
        return self.get_full_name() or self.email
