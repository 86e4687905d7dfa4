"""Preparation reminders: what a patient is told before and after each infusion, and when.

`preparation.py` works out the facts (the clock time to stop eating, clear drinks until when),
`schedule.py` when each reminder is due, `services.py` keeps an infusion's reminders in step
with its bookings, and `delivery.py` sends each due one through Celery, once."""
