"""Dialogs: import progress and summary, compare text, reference picker, errors."""
