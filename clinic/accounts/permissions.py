"""How staff views say who may open them.

Anonymous visitors never get this far: LoginRequiredMiddleware sends them to the login page.
A signed-in person without the permissions gets 403, whatever their role is called.
"""

from django.contrib.auth.mixins import PermissionRequiredMixin

STAFF_AREA = "accounts.access_staff_area"


def is_staff_account(user) -> bool:
    """Someone who can reach patients' records or the site's settings: the staff area or the
    Django admin."""
    return user.is_staff or user.is_superuser or user.has_perm(STAFF_AREA)


class StaffRequiredMixin(PermissionRequiredMixin):
    """A staff page: needs the staff-area permission plus any the view lists in `permissions`."""

    permissions: tuple[str, ...] = ()
    raise_exception = True

    def get_permission_required(self):
        return (STAFF_AREA, *self.permissions)
