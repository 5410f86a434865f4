"""Claims about the same quantity, normalised, grouped and compared."""
