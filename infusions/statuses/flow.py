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

# The moves the front desk's board offers as buttons, in the order of the day.
NEXT_STEP: dict[str, str] = {
    Status.CHECKED_IN: Status.IN_CHAIR,
    Status.IN_CHAIR: Status.RECOVERING,
    Status.RECOVERING: Status.DISCHARGED,
}


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in ALLOWED_MOVES.get(from_status, ())
