"""The blank skeleton of conclusions, modelled on published ones (Mali, S/AC.51/2020/11).

Unknown facts are square-bracketed placeholders, `[meeting date]`: brackets are how a
draft marks what is not settled, so the editor counts them until they are filled in.
"""

from __future__ import annotations

from app.drafts.numbering import renumber
from app.model import Kind, Segment

RESOLUTIONS = "1612 (2005), 1882 (2009), 1998 (2011), 2068 (2012), 2143 (2014), 2225 (2015) and 2427 (2018)"

PUBLIC_STATEMENT = "Public statement by the Chair of the Working Group"
RECOMMENDATIONS = "Recommendations to the Security Council"
DIRECT_ACTION = "Direct action by the Working Group"


def skeleton(situation: str = "", meeting_date: str = "", report_symbol: str = "") -> tuple[Segment, ...]:
    """The standard opening paragraphs and the three sections with their lead-ins."""
    where = situation or "[situation]"
    when = meeting_date or "[meeting date]"
    report = report_symbol or "[report symbol]"
    P, S, H, A = Kind.PARAGRAPH, Kind.SUBPARAGRAPH, Kind.HEADING, Kind.ADDRESSEE
    rows = [
        Segment(Kind.TITLE, f"Conclusions on children and armed conflict in {where}"),
        Segment(P, f"At its meeting held on {when}, the Working Group on Children and Armed Conflict "
                   f"examined the [ordinal] report of the Secretary-General on children and armed "
                   f"conflict in {where} ({report}), which covers the period from [start of period] to "
                   f"[end of period] and was introduced by the Special Representative of the "
                   f"Secretary-General for Children and Armed Conflict. The Permanent Representative "
                   f"of {where} to the United Nations also addressed the Working Group."),
        Segment(P, "The members of the Working Group welcomed the report of the Secretary-General, in "
                   f"accordance with Security Council resolutions {RESOLUTIONS}, and took note of the "
                   "analysis and recommendations contained therein."),
        Segment(P, "The members of the Working Group expressed deep concern at [the six grave violations "
                   f"committed against children affected by armed conflict in {where}]."),
        Segment(P, "Further to the meeting, and subject to and consistent with applicable international "
                   "law and relevant Security Council resolutions, including resolutions "
                   f"{RESOLUTIONS}, the Working Group agreed to direct action as set out below."),
        Segment(H, PUBLIC_STATEMENT),
        Segment(P, "The Working Group agreed to address a message, through a public statement issued "
                   "by the Chair of the Working Group:"),
        Segment(A, f"To all parties to armed conflict in {where}"),
        Segment(S, "Strongly condemning all violations and abuses committed against children by all "
                   f"parties to the conflict in {where};"),
        Segment(A, f"To the Government of {where}"),
        Segment(S, "Stressing the primary role of the Government in providing protection and relief to "
                   f"all children affected by armed conflict in {where};"),
        Segment(H, RECOMMENDATIONS),
        Segment(P, "The Working Group agreed to recommend that the President of the Security Council "
                   f"transmit a letter addressed to the Government of {where}:"),
        Segment(S, ""),
        Segment(P, "The Working Group agreed to recommend that the President of the Security Council "
                   "transmit a letter to the Secretary-General:"),
        Segment(S, ""),
        Segment(H, DIRECT_ACTION),
        Segment(P, "The Working Group agreed to address letters from the Chair of the Working Group to "
                   "the World Bank and other donors:"),
        Segment(S, ""),
    ]
    return renumber(rows)
