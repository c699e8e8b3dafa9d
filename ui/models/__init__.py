"""Qt models: thin adapters that present core values (documents, comparisons, hits) to views.

Their custom item data roles are all in `ui.models.roles.Role`.
"""
