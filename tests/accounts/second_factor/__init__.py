"""Two-step sign-in for staff: a password, then a code from an authenticator app.

Staff who typed only their password see the public site and the code pages, nothing else;
patients never meet the second step. Codes come from real devices: the authenticator's code
is computed from its key, as the app on a phone does.
"""
