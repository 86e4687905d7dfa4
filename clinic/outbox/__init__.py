"""The e-mail outbox: every e-mail the portal sends is first a row here.

A service that means to send an e-mail calls `services.email_enqueue`, which writes the row in
the service's own transaction (a rolled-back change sends nothing) and, on commit, hands it to
a Celery task that sends it at once. When the broker cannot be reached at that moment, the row
waits: Celery beat runs the sweep every minute (`tasks.send_due_emails`), so an outage only
delays the e-mail. `delivery.py` sends each row at least once: two deliveries at the same
moment never both send it, but a worker that dies between the mail server taking the e-mail
and the row being marked sent leaves it to be sent again. It retries a failure with growing
pauses and gives up after a few hours; the Django admin lists what failed, and a clinic admin
can send it again from there. A row holds the e-mail task's name and ids, never a name, an
address or anything clinical.
"""
