"""The Guide: short passages in plain words, searchable."""
