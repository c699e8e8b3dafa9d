"""Every search test runs twice: with the segment index's candidates, and with every text
scored by the same scorer. The same assertions holding both ways is what says the index
finds what exhaustive scoring finds."""

from __future__ import annotations

import pytest

from app.search import index


@pytest.fixture(autouse=True, params=["candidates", "every text"])
def scoring_mode(request, monkeypatch):
    monkeypatch.setattr(index, "SCORE_EVERY_TEXT", request.param == "every text")
    return request.param
