"""Essentials: the public-protection work due on each case, derived from its recorded facts.

Pure (no Django, mypy --strict): `rules.RULES` is the one table of what is due, for which cases,
counted from what and how; `engine.essentials_due` applies it to one case's facts as at a day.
"""
