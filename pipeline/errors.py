"""Errors a user sees, each phrased as what is wrong with which file and how to fix it."""


class IngestFailure(Exception):
    """A file that cannot be used, with a reason phrased for the user."""
