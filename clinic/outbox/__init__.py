"""The e-mail outbox: every e-mail the portal sends is first a row here.

A service that means to send an e-mail calls `services.email_enqueue`, which writes the row in
the service's own transaction (a rolled-back change sends nothing) and, on commit, hands it to
a Celery task that sends it at once. When the broker cannot be reached at that moment, the row
waits: Celery beat runs the sweep every minute (`tasks.send_due_emails`), so an outage only
delays the e-mail. `delivery.py` sends each row exactly once, retries a failure with growing
pauses, and gives up after a few hours (the Django admin lists what failed). A row holds the
e-mail task's name and ids, never a name, an address or anything clinical.
"""
