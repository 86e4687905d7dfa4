"""The permissions the infusions app's pages check. Roles hold them (clinic/accounts/roles.py);
views name them from here, never a group."""

BOOK_OWN = "infusions.book_own_infusion"
VIEW_APPOINTMENTS = "infusions.view_infusionappointment"
ADD_APPOINTMENT = "infusions.add_infusionappointment"
