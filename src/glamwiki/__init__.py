"""glamwiki: take a cultural institution's collection onto Wikimedia and show what that achieved."""

__version__ = "0.1.0"
