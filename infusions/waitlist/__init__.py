"""The waitlist: patients waiting for an earlier chair at a location, offers of a freed time
by e-mail, and the first claim through a signed link taking it."""
