"""The first start's welcome (dialog.py)."""
