"""Stage 5, link: entities, aliases, and what each figure is attributed to.

``document.link`` links one document (``linked.LinkedDocument``); ``aliases`` merges
names across documents.  The package imports nothing itself, so that reading cached
documents does not load the linking code.
"""
