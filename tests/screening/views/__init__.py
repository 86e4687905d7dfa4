"""The screening pages: the patient's questionnaire, the crisis page and the reply to a
clinician's question; the clinicians' queue and review.

Only patients answer; only clinicians and clinic admins read answers, and every opening of a
review is written to the access log; only clinicians decide. The front desk learns whether a
patient is cleared, never why.
"""
