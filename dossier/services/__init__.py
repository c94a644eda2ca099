"""Service functions shared by the CLI and the desktop app; they know nothing of Qt."""
