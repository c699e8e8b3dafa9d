"""Help > Concord Help: one short page on what Concord does and the three things a drafter
does first (read and compare, start a draft, send a redline)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

HELP_HTML = """
<h2>Concord</h2>
<p>Concord keeps the conclusions of the Security Council Working Group on Children and Armed
Conflict in a library on your computer, shows them as a drafter reads them (labels at the
margin, sections, addressees), compares any two passages side by side, finds where language
comes from, and helps you draft the next conclusions from earlier ones.</p>

<h3>Read and compare</h3>
<ul>
<li><b>File &gt; Import…</b> (Ctrl+I) adds Word, PDF or text files; you may also drop files on the window.</li>
<li>Double-click a document in the library panel to read it. <b>Ctrl+F</b> finds in it, <b>Ctrl+K</b> searches
the whole library.</li>
<li>Select paragraphs and press <b>Ctrl+E</b> (Compare With…), or use <b>Set as left</b> and
<b>Set as right</b> on two passages. <b>F7</b> and <b>Shift+F7</b> step through the changes.</li>
<li>Right-click a document in the library to rename it, correct its details (situation, meeting
date, symbols) or delete it.</li>
</ul>

<h3>Start a draft</h3>
<ol>
<li>Open the conclusions you start from (for instance last year's), then <b>Drafts &gt; New Draft…</b> (Ctrl+N).</li>
<li>Type the new situation: Concord proposes to replace the old name and adjective with the new ones
(Mali → Burkina Faso, Malian → Burkinabe).</li>
<li>Review the list. Each place has a checkbox. A place in a sentence that cites a document symbol,
a date, a mission or an agreement is <b>held back</b> (unchecked, with the reason): those facts
belong to the old situation. Check the ones that are right.</li>
<li><b>Create Draft</b>. Replaced places stay highlighted in blue and held ones in rose until you
mark them reviewed (F8 goes to the next one).</li>
<li>Edit in place: double-click or F2 to type in a row, Tab or Enter to leave it. <b>Ctrl+Return</b> adds a
paragraph, <b>Ctrl+Shift+Return</b> a subparagraph; labels renumber themselves. <b>Ctrl+H</b> finds and
replaces. The draft is saved as you type; <b>Ctrl+S</b> saves a named version (zero draft, rev.1, …).</li>
</ol>

<h3>Send a redline</h3>
<ul>
<li>In a draft, <b>Drafts &gt; Export Draft to Word…</b> (Ctrl+Shift+X): choose <i>Redline against</i> an
earlier version or a library document, and <i>Tracked changes</i>. Delegations accept or reject each
change in Word.</li>
<li>From a comparison tab, <b>Export to Word</b> writes the same redline of the two passages.</li>
<li><b>File &gt; Print…</b> (Ctrl+P) and <b>Export to PDF…</b> print the document, comparison or draft
in the current tab.</li>
</ul>

<p><b>Help &gt; Keyboard Shortcuts</b> (Ctrl+/) lists every key. The library is one file; <b>File &gt; Open
Recent</b> switches between libraries.</p>
"""


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Concord Help")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Help")
        self.browser.setOpenLinks(False)  # nothing is fetched
        self.browser.setHtml(HELP_HTML)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        self.resize(720, 760)
