"""Declarative vocabulary of Japanese figures: cue tables and regex fragments.

Shared by the extractors and by document dating; contains no parsing logic.
"""
