"""History: the History page, its charts' models and the activity and morning dialogs."""
