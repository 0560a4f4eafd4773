"""Settings: the Settings page, the live preferences and the Your data card."""
