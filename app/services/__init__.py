"""Use cases shared by the CLI and the GUI: each module wraps one area of the core."""
