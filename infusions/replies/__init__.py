"""Replies to the reminders' text messages: the SMS provider's webhook, where STOP (or any
of the carriers' stop words) ends text messages to that number and START resumes them."""
