"""Connect to team library...: a shared library on a PostgreSQL server.

The person gives the server, the database and their user name; the password is typed
here (never written to the settings) and, if they choose, kept in the system keyring.
Left empty, the keyring or libpq's own ~/.pgpass supplies it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.errors import ConcordError
from app.store.postgres import remember
from ui.dialogs.parts import error_label, ok_cancel_buttons


def address_of(server: str, database: str, user: str) -> str:
    """`postgresql://user@server/database` ("server" may hold ":port")."""
    return f"postgresql://{user.strip()}@{server.strip()}/{database.strip()}"


class TeamLibraryDialog(QDialog):
    """Asks for a team library's address and password; `address` once accepted."""

    def __init__(self, parent: QWidget | None = None, last: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to Team Library")
        self.server = QLineEdit(placeholderText="server.example.org or server:5432")
        self.database = QLineEdit(placeholderText="the library's database, e.g. concord")
        self.user = QLineEdit(placeholderText="your user name on the server")
        self.password = QLineEdit(placeholderText="empty: from the keyring or ~/.pgpass")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox("Keep the password in the system keyring")
        if last.startswith("postgresql://"):
            user, _, rest = last[len("postgresql://"):].partition("@")
            server, _, database = rest.partition("/")
            self.server.setText(server)
            self.database.setText(database)
            self.user.setText(user)
        form = QFormLayout()
        form.addRow("&Server:", self.server)
        form.addRow("&Database:", self.database)
        form.addRow("&User:", self.user)
        form.addRow("&Password:", self.password)
        form.addRow("", self.keep)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel_buttons(self, "Connect"))
        self.address = ""

    def accept(self) -> None:
        if not all(f.text().strip() for f in (self.server, self.database, self.user)):
            self.error.setText("Give the server, the database and your user name.")
            return
        address = address_of(self.server.text(), self.database.text(), self.user.text())
        if self.password.text():
            try:
                remember(address, self.password.text(), keep=self.keep.isChecked())
            except ConcordError as e:  # no keyring here: the password still works this session
                remember(address, self.password.text())
                self.error.setText(str(e))
        self.address = address
        super().accept()
