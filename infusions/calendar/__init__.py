"""Infusions in a patient's own calendar: an .ics file per appointment and a private feed
address they can revoke."""
