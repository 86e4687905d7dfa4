"""The intake: a patient's details, contacts, health history, medications and photo ID, a
step at a time, each step saved as it is done so nothing typed is lost.
"""
