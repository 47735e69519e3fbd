"""Coefficient tables, as data, each citing its public upstream source.

Values are the printed literals, kept as strings so that each model can build them the way the
anchor does (binary double, or exact decimal; see `caseload.risk.predictors.numeric`).
"""
