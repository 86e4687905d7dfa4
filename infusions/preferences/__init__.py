"""How a patient wants their reminders: e-mail always, and text messages to their phone if
they ask, until they turn them off here or reply STOP."""
