"""Every page of the schedule, one namespace; each package lists its own."""

from .board import urls as board
from .booking import urls as booking
from .calendar import urls as calendar
from .checklist import urls as checklist
from .follow_up import urls as follow_up
from .outcomes import urls as outcomes
from .plans import urls as plans
from .preferences import urls as preferences
from .record import urls as record
from .replies import urls as replies
from .reports import urls as reports
from .self_service import urls as self_service
from .waitlist import urls as waitlist

app_name = "infusions"

urlpatterns = [
    *booking.urlpatterns,
    *self_service.urlpatterns,
    *calendar.urlpatterns,
    *board.urlpatterns,
    *plans.urlpatterns,
    *waitlist.urlpatterns,
    *checklist.urlpatterns,
    *replies.urlpatterns,
    *preferences.urlpatterns,
    *follow_up.urlpatterns,
    *record.urlpatterns,
    *outcomes.urlpatterns,
    *reports.urlpatterns,
]
