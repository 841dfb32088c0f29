"""mlgrade's trusted side: everything that decides a grade runs here, never in the sandbox."""

__version__ = "0.1.0"
