"""Staff editors for screening's clinical content: the questionnaire in versions (draft,
edit, publish) and the drug catalogue that medications are matched against.
"""
