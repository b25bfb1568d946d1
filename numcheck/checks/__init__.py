"""Check kinds (placeholder)."""
