"""The front desk's follow-up list for a day: whose preparation checklist is not confirmed
(a missing driver above all), and which reminders were given up on or may not have arrived,
with a button to send one again."""
