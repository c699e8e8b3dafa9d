"""The Qt desktop application; it only calls into the Qt-free core in `app/`."""
