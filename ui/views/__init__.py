"""Widgets that show documents, comparisons and search results."""
