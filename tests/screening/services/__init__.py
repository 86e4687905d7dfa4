"""The screening services: a patient answers, the rules raise flags, a clinician decides.

What people rely on: answers are kept with the questionnaire version they were asked under;
every risky answer and medication becomes a flag; a patient in crisis goes to the top of
the queue and the on-call clinician hears of it at once, without patient details in the
e-mail; nobody clears an absolute or urgent flag without writing why; and a patient who
changes their record after a decision is reviewed again.
"""
