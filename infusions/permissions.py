"""The permissions the infusions app's pages check. Roles hold them (clinic/accounts/roles.py);
views name them from here, never a group."""

BOOK_OWN = "infusions.book_own_infusion"
VIEW_APPOINTMENTS = "infusions.view_infusionappointment"
ADD_APPOINTMENT = "infusions.add_infusionappointment"
CHART = "infusions.chart_infusion"
VIEW_RECORD = "infusions.view_infusionrecord"
VIEW_REPORTS = "infusions.view_clinic_reports"
