"""Which status may follow which: pure data, read by the services and the board's buttons."""

from ..models.appointments import Status

ALLOWED_MOVES: dict[str, tuple[str, ...]] = {
    Status.BOOKED: (Status.CHECKED_IN, Status.CANCELLED, Status.LATE_CANCELLED, Status.NO_SHOW),
    Status.CHECKED_IN: (Status.IN_CHAIR, Status.CANCELLED, Status.BOOKED),
    Status.IN_CHAIR: (Status.RECOVERING,),
    Status.RECOVERING: (Status.DISCHARGED,),
    Status.DISCHARGED: (),
    Status.CANCELLED: (),
    Status.LATE_CANCELLED: (),
    Status.NO_SHOW: (Status.BOOKED,),  # marked by mistake: the patient turned up after all
}

# The move the day board offers as a button: seating a checked-in patient. Recovery and
# discharge are the clinician's, from the infusion record (its rules: the dose charted
# before the infusion stops, the discharge criteria and the escort before discharge).
NEXT_STEP: dict[str, str] = {
    Status.CHECKED_IN: Status.IN_CHAIR,
}


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in ALLOWED_MOVES.get(from_status, ())
