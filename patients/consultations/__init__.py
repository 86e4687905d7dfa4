"""Free consultations: open slots, the public booking, the signed link that moves or cancels
one, the e-mails about it and the front desk's list. Anyone may book; no account is needed.
"""
