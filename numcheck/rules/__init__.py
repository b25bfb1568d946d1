"""The default rule packs, shipped inside the wheel as ``numcheck.rules``."""
