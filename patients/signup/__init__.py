"""Patient accounts: sign-up, the invitation a consultation can lead to, and confirming the
e-mail address before the account works.
"""
