"""Allocation's pure rules: who may be given a case, the order the national tool lists
practitioners in, and a proposed spread of one practitioner's cases over the team."""
