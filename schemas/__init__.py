"""Record models and table schemas: the single source of truth for every field."""
