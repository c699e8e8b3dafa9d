"""Negotiation rounds: returned texts read against a circulated version, compiled with every
proposal attributed to its delegation, and decided into the next version."""
