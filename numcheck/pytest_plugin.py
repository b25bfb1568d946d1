"""pytest plugin (placeholder until the editorial-CI work fills it in)."""
