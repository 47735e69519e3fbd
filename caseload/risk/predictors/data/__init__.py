"""Data files shipped with the predictors (the offence-code mapping)."""
