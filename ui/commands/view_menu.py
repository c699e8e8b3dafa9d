"""Reading comfort: zoom (Ctrl+plus, Ctrl+minus, Ctrl+0), the text size, and the colour theme
(light, dark, or the desktop's), all remembered.

Zoom and text size set the font of every tab (readers, comparisons, drafts and their
delegates take their font from there); the menus and the library panel keep the system's.
A theme is Qt's Fusion style with a light or a dark palette; "System" gives back the style
and palette the application started with.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QStyleFactory, QWidget

from ui import settings as S
from ui.workspace import Workspace

ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
THEMES = (("system", "&System (the desktop's)"), ("light", "&Light"), ("dark", "&Dark"))

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#353535",
    QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.Link: "#7fb2ff",
    QPalette.ColorRole.PlaceholderText: "#9a9a9a", QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Light: "#4a4a4a", QPalette.ColorRole.Midlight: "#3c3c3c",
    QPalette.ColorRole.Mid: "#303030", QPalette.ColorRole.Dark: "#1a1a1a", QPalette.ColorRole.Shadow: "#000000",
}
_DARK_DISABLED = {QPalette.ColorRole.WindowText: "#7a7a7a", QPalette.ColorRole.Text: "#7a7a7a",
                  QPalette.ColorRole.ButtonText: "#7a7a7a", QPalette.ColorRole.HighlightedText: "#b0b0b0"}

_started_with: tuple[str, QPalette, QFont] | None = None


def dark_palette() -> QPalette:
    p = QPalette()
    for role, color in _DARK.items():
        p.setColor(role, QColor(color))
    for role, color in _DARK_DISABLED.items():
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return p


def _remember_start() -> tuple[str, QPalette, QFont]:
    global _started_with
    if _started_with is None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        _started_with = (app.style().name(), QPalette(app.palette()), QFont(app.font()))
    return _started_with


def apply_theme(name: str) -> str:
    """Colour the whole application: "light", "dark" or "system"; returns the one applied."""
    style, palette, _ = _remember_start()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if name not in {t for t, _ in THEMES}:
        name = "system"
    if name == "system":
        app.setStyle(style)
        app.setPalette(palette)
    else:
        fusion = QStyleFactory.create("Fusion")
        app.setStyle(fusion)
        app.setPalette(dark_palette() if name == "dark" else fusion.standardPalette())
    return name


def text_font(zoom: int, size: float = 0.0) -> QFont:
    """The font of the tabs: `size` points (0: the system's) at `zoom` percent."""
    font = QFont(_remember_start()[2])
    base = size or font.pointSizeF()
    if base > 0:
        font.setPointSizeF(max(4.0, base * zoom / 100))
    return font


def zoom_step(zoom: int, direction: int) -> int:
    """The next zoom step up (+1) or down (-1) from `zoom`."""
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > zoom), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom), ZOOM_STEPS[0])


class ViewCommands(QObject):
    """Zoom In/Out/Actual Size, Text Size… and the Theme submenu, added to `menu`."""

    zoom_changed = Signal(int)

    def __init__(self, workspace: Workspace, menu: QMenu) -> None:
        super().__init__(workspace.window())
        self.workspace = workspace
        win = workspace.window()
        _remember_start()
        self.zoom = min(max(S.ZOOM.get(), ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self.text_size = max(0.0, min(S.TEXT_SIZE.get(), 72.0))
        self.theme = S.THEME.get()

        def act(text: str, keys: list[QKeySequence | QKeySequence.StandardKey | str], slot) -> QAction:
            a = QAction(text, win)
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.triggered.connect(lambda _=False: slot())
            menu.addAction(a)
            win.addAction(a)
            return a

        menu.addSeparator()
        self.zoom_in_action = act("Zoom &In", [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], lambda: self.step(1))
        self.zoom_out_action = act("Zoom &Out", [QKeySequence.StandardKey.ZoomOut], lambda: self.step(-1))
        self.actual_size_action = act("&Actual Size", ["Ctrl+0"], lambda: self.set_zoom(100))
        self.text_size_action = act("&Text Size…", ["Ctrl+Alt+T"], self.text_size_dialog)
        self.theme_menu = menu.addMenu("T&heme")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, text in THEMES:
            a = self.theme_menu.addAction(text)
            a.setCheckable(True)
            a.setChecked(key == self.theme)
            a.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            self.theme_group.addAction(a)
            self.theme_actions[key] = a

    # --- zoom and size ------------------------------------------------------------------

    def font(self) -> QFont:
        return text_font(self.zoom, self.text_size)

    def fit(self, widget: QWidget) -> None:
        """Give a tab the current text font (called for every tab opened)."""
        widget.setFont(self.font())

    def _refit(self) -> None:
        for w in self.workspace.tab_widgets():
            self.fit(w)

    def set_zoom(self, percent: int) -> int:
        self.zoom = min(max(int(percent), ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        S.ZOOM.set(self.zoom)
        self._refit()
        self.workspace.show_status(f"Zoom {self.zoom}%", 3000)
        self.zoom_changed.emit(self.zoom)
        return self.zoom

    def step(self, direction: int) -> int:
        return self.set_zoom(zoom_step(self.zoom, direction))

    def text_size_dialog(self) -> QInputDialog:
        dialog = QInputDialog(self.workspace.window())
        dialog.setWindowTitle("Text Size")
        dialog.setLabelText("Size of document text in points at 100% zoom (0: the system's size):")
        dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
        dialog.setDoubleRange(0, 72)
        dialog.setDoubleDecimals(1)
        dialog.setDoubleValue(self.text_size or text_font(100).pointSizeF())
        dialog.doubleValueSelected.connect(self.set_text_size)
        self.workspace.show_dialog(dialog)
        return dialog

    def set_text_size(self, points: float) -> None:
        self.text_size = max(0.0, min(float(points), 72.0))
        S.TEXT_SIZE.set(self.text_size)
        self._refit()

    # --- theme ------------------------------------------------------------------------

    def set_theme(self, name: str) -> str:
        self.theme = apply_theme(name)
        S.THEME.set(self.theme)
        self.theme_actions[self.theme].setChecked(True)
        return self.theme
