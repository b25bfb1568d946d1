"""The word tables of extraction, as data: read them to see what numcheck knows without reading code."""
