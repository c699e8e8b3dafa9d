"""The Qt desktop application; it only calls into the Qt-free core in `app/`."""

from ui.compat import keep_none_alive

keep_none_alive()
